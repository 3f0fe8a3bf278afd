/**
 * One search box in the header (Ctrl+K or "/" focuses it): the selected scorecard's indicators, the units the
 * user reads and the data elements, by code or by a fragment of either name (lib/header-search.ts). It searches
 * the lists the app already holds (the pickers' units, the scorecard's indicators; the data elements once the
 * box is used), so there is no round trip per keystroke and no new route, and nothing outside the user's scope
 * is offered (the server filters those lists). Choosing a result opens it: an indicator its page, a unit its
 * scorecard, a data element the entry grid (for those who enter data) or the catalog.
 */
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDataElements } from '../../lib/api/data-elements.ts';
import { useIndicators } from '../../lib/api/indicators.ts';
import { useOrgUnits } from '../../lib/api/org-units.ts';
import { useSession } from '../../lib/api/session.ts';
import { isSearchShortcut, type SearchEntry, searchEntries } from '../../lib/header-search.ts';
import { localize } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';
import { unitsInScope } from '../../lib/scoped-selection.ts';
import { useSelection } from '../../lib/use-selection.ts';
import { visiblePages } from '../pages.ts';

const GROUP_KEYS = {
  indicator: 'search.indicators',
  unit: 'search.units',
  element: 'search.elements',
} as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function HeaderSearch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { selection } = useSelection();
  const [text, setText] = useState('');
  const [used, setUsed] = useState(false);
  const input = useRef<InputRef>(null);
  const indicators = useIndicators(selection.scorecard ?? null);
  const units = useOrgUnits();
  const elements = useDataElements(used);
  const assignments = useSession().data?.user.assignments;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event, isTyping(event.target))) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const entries = useMemo((): SearchEntry[] => {
    const unitNames = new Map((units.data ?? []).map((unit) => [unit.code, localize(unit.name, language)]));
    const scoped = assignments === undefined ? [] : unitsInScope(assignments, units.data ?? []);
    return [
      ...(indicators.data ?? []).map((item) => ({
        kind: 'indicator' as const,
        code: item.id,
        name: item.name,
      })),
      ...scoped.map((unit) => ({
        kind: 'unit' as const,
        code: unit.code,
        name: unit.name,
        ...(unit.parent === null ? {} : { context: unitNames.get(unit.parent) ?? unit.parent }),
      })),
      ...(elements.data ?? []).map((item) => ({
        kind: 'element' as const,
        code: item.code,
        name: item.name,
      })),
    ];
  }, [indicators.data, units.data, elements.data, assignments, language]);

  const found = useMemo(() => searchEntries(entries, text), [entries, text]);
  const options = (['indicator', 'unit', 'element'] as const)
    .map((kind) => ({
      label: t(GROUP_KEYS[kind]),
      options: found
        .filter((entry) => entry.kind === kind)
        .map((entry) => ({
          value: `${kind}:${entry.code}`,
          label: (
            <span data-testid={`search-result-${kind}-${entry.code}`}>
              {localize(entry.name, language)}
              <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 6 }}>
                {entry.context === undefined ? entry.code : `${entry.code} · ${entry.context}`}
              </span>
            </span>
          ),
        })),
    }))
    .filter((group) => group.options.length > 0);

  function open(value: string) {
    const at = value.indexOf(':');
    const kind = value.slice(0, at);
    const code = value.slice(at + 1);
    const query = new URLSearchParams();
    if (selection.scorecard) query.set('scorecard', selection.scorecard);
    query.set('orgUnit', kind === 'unit' ? code : (selection.orgUnit ?? ''));
    if (selection.period) query.set('period', selection.period);
    if (kind === 'indicator') navigate(`/indicators/${encodeURIComponent(code)}?${query.toString()}`);
    else if (kind === 'unit') navigate(`/scorecard?${query.toString()}`);
    else {
      const enters = visiblePages(assignments ?? []).some((page) => page.path === '/data-entry');
      navigate(enters ? `/data-entry?${query.toString()}` : `/admin?tab=data-elements`);
    }
    setText('');
    input.current?.blur();
  }

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={(value: string) => setText(value)}
      onSelect={(value: string) => open(value)}
      onFocus={() => setUsed(true)}
      notFoundContent={text.trim() === '' ? null : t('search.nothing')}
      popupMatchSelectWidth={360}
      // Narrow enough that the header stays one row at 1366 px; the list of results is wider.
      style={{ width: 160 }}
      data-testid="header-search"
    >
      <Input
        ref={input}
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        data-testid="header-search-input"
      />
    </AutoComplete>
  );
}
