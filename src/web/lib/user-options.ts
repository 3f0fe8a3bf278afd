/**
 * The options of a user picker (components/user-picker.tsx): the directory's matches for what the reader typed,
 * plus the users already chosen, so a chosen user keeps their name when the matches change; an e-mail address no
 * directory user has (a file's owner who has no account yet) stays as it is.
 */

/** A user as a picker knows them. */
export interface PickerUser {
  readonly id: number;
  readonly email: string;
  readonly name: string | null;
}

export interface PickerOption<V extends number | string> {
  readonly value: V;
  readonly label: string;
}

/**
 * How a user reads in a picker: the name and the e-mail address, or the address alone.
 *
 * @example userLabel({ id: 1, email: 'li.na@h.example', name: '李娜' }) // '李娜 · li.na@h.example'
 * @example userLabel({ id: 2, email: 'x@h.example', name: null }) // 'x@h.example'
 */
export function userLabel(user: PickerUser): string {
  return user.name === null || user.name === '' ? user.email : `${user.name} · ${user.email}`;
}

/**
 * The matches first, then each chosen value not among them (labelled from `known`, or by itself), without repeats.
 *
 * @example pickerOptions('email', [{ id: 1, email: 'a@h', name: 'A' }], ['b@h'], []) // [{ value: 'a@h', label: 'A · a@h' }, { value: 'b@h', label: 'b@h' }]
 */
export function pickerOptions<V extends number | string>(
  by: V extends number ? 'id' : 'email',
  matches: readonly PickerUser[],
  chosen: readonly V[],
  known: readonly PickerUser[],
): PickerOption<V>[] {
  const keyOf = (user: PickerUser) => (by === 'id' ? user.id : user.email) as V;
  const options: PickerOption<V>[] = [];
  const seen = new Set<V>();
  for (const user of matches) {
    const value = keyOf(user);
    if (seen.has(value)) continue;
    seen.add(value);
    options.push({ value, label: userLabel(user) });
  }
  for (const value of chosen) {
    if (seen.has(value)) continue;
    seen.add(value);
    const user = known.find((candidate) => keyOf(candidate) === value);
    options.push({ value, label: user === undefined ? String(value) : userLabel(user) });
  }
  return options;
}
