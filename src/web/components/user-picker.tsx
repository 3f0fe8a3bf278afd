/**
 * Choosing people from the user directory (`/api/users/directory`: the users whose scope overlaps the reader's),
 * searched on the server by name or e-mail as the reader types. `UserPicker` chooses one user by id (an action's
 * owner), `UsersPicker` several (its collaborators), `OwnerEmailPicker` one by e-mail address (an objective's
 * owner, as the scorecard format names owners), keeping an address no user has yet. All three are controlled
 * (`value`, `onChange`), so they sit inside an antd `Form.Item`.
 *
 * @example <Form.Item name="collaboratorIds"><UsersPicker known={action.collaborators} testId="collaborators" /></Form.Item>
 */
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_PAGE, useUserDirectory } from '../lib/api/users.ts';
import { type PickerUser, pickerOptions } from '../lib/user-options.ts';

/** How long typing must pause before the directory is asked (ms). */
const TYPING_PAUSE_MS = 250;

interface CommonProps {
  /** Users already chosen or likely (their names when they are not among the matches). */
  readonly known?: readonly PickerUser[];
  /** Only users whose scope overlaps this unit's subtree. */
  readonly unit?: string;
  readonly id?: string;
  readonly testId?: string;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  readonly style?: React.CSSProperties;
}

/** The directory's matches for what is typed (after a pause), and the known users seen so far. */
function useMatches(unit: string | undefined) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const directory = useUserDirectory({
    ...(q === '' ? {} : { q }),
    ...(unit === undefined ? {} : { unit }),
    limit: DIRECTORY_PAGE,
    offset: 0,
  });
  // Every user met in an answer keeps its label once the matches change.
  const [seen, setSeen] = useState<readonly PickerUser[]>([]);
  const items = directory.data?.items;
  useEffect(() => {
    if (items === undefined) return;
    setSeen((previous) => [...previous.filter((u) => !items.some((i) => i.id === u.id)), ...items]);
  }, [items]);
  return { matches: items ?? [], seen, loading: directory.isFetching, search: setTyped };
}

export function UserPicker({
  value,
  onChange,
  known = [],
  unit,
  allowClear = false,
  ...rest
}: CommonProps & {
  readonly value?: number | null;
  readonly onChange?: (id: number | null) => void;
  readonly allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const { matches, seen, loading, search } = useMatches(unit);
  const chosen = value === undefined || value === null ? [] : [value];
  return (
    <Select<number | null>
      id={rest.id}
      data-testid={rest.testId}
      disabled={rest.disabled}
      style={rest.style ?? { minWidth: 260 }}
      placeholder={rest.placeholder ?? t('users.picker.placeholder')}
      value={value ?? null}
      allowClear={allowClear}
      loading={loading}
      notFoundContent={t('users.picker.none')}
      showSearch={{ filterOption: false, onSearch: search }}
      options={pickerOptions<number>('id', matches, chosen, [...known, ...seen])}
      onChange={(next) => onChange?.(next ?? null)}
    />
  );
}

export function UsersPicker({
  value,
  onChange,
  known = [],
  unit,
  ...rest
}: CommonProps & {
  readonly value?: readonly number[];
  readonly onChange?: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const { matches, seen, loading, search } = useMatches(unit);
  const chosen = value ?? [];
  return (
    <Select<number[]>
      id={rest.id}
      data-testid={rest.testId}
      disabled={rest.disabled}
      mode="multiple"
      style={rest.style ?? { minWidth: 260 }}
      placeholder={rest.placeholder ?? t('users.picker.placeholderMany')}
      value={[...chosen]}
      loading={loading}
      notFoundContent={t('users.picker.none')}
      showSearch={{ filterOption: false, onSearch: search, autoClearSearchValue: true }}
      options={pickerOptions<number>('id', matches, chosen, [...known, ...seen])}
      onChange={(next) => onChange?.(next)}
    />
  );
}

export function OwnerEmailPicker({
  value,
  onChange,
  known = [],
  unit,
  ...rest
}: CommonProps & {
  readonly value?: string | null;
  readonly onChange?: (email: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { matches, seen, loading, search } = useMatches(unit);
  const chosen = value === undefined || value === null || value === '' ? [] : [value];
  return (
    <Select<string | null>
      id={rest.id}
      data-testid={rest.testId}
      disabled={rest.disabled}
      style={rest.style ?? { minWidth: 260 }}
      placeholder={rest.placeholder ?? t('users.picker.placeholder')}
      value={chosen[0] ?? null}
      allowClear
      loading={loading}
      notFoundContent={t('users.picker.none')}
      showSearch={{ filterOption: false, onSearch: search }}
      options={pickerOptions<string>('email', matches, chosen, [...known, ...seen])}
      onChange={(next) => onChange?.(next ?? undefined)}
    />
  );
}
