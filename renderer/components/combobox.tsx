import { useCombobox, useMultipleSelection, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useId, useMemo, useState, type MouseEvent } from 'react';
import { comboIndex, matchOptions, type ComboMatches, type ComboOption } from './combobox-filter';
import './combobox.css';

export type { ComboOption } from './combobox-filter';

/** Rows rendered at most: enough to scroll, few enough to stay instant with thousands of records. */
const LIMIT = 50;

/** Props a `Field` passes to its control (id for the label, error and hint), and what both kinds share. */
interface CommonProps {
  options: readonly ComboOption[];
  /** Names the popup list ("People", "Countries"): the input takes its name from the field's label. */
  listLabel: string;
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
  /** Takes the keyboard when it appears (a new record's first field). */
  autoFocus?: boolean;
}

/**
 * When the mouse last really moved, and when a key was last pressed. A list that opens, shrinks or
 * moves under a resting pointer makes the browser report the mouse entering or leaving it though
 * nothing moved; downshift would then take the highlight from the keyboard (and Enter would choose
 * nothing). Mouse reports that come after the last key with no movement since are ignored.
 */
const input = { x: NaN, y: NaN, movedAt: -1, keyAt: -1 };
if (typeof window !== 'undefined') {
  const options = { capture: true, passive: true } as const;
  window.addEventListener(
    'mousemove',
    (e) => {
      if (e.clientX === input.x && e.clientY === input.y) return;
      input.x = e.clientX;
      input.y = e.clientY;
      input.movedAt = e.timeStamp;
    },
    options,
  );
  window.addEventListener('keydown', (e) => (input.keyAt = e.timeStamp), options);
}
function ignoreRestingPointer(e: MouseEvent<HTMLElement>): void {
  if (input.movedAt < input.keyAt) (e.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
}

const itemToString = (o: ComboOption | null) => o?.label ?? '';
const itemToKey = (o: ComboOption | null) => o?.id ?? null;
const labelledKey = (o: ComboOption | null) => (o ? `${o.id}\n${o.label}` : null);

/** The line under the list: how many more match than are shown, or that nothing does. */
function MoreLine({ matches, query }: { matches: ComboMatches; query: string }) {
  const more = matches.total - matches.shown.length;
  if (matches.total === 0) {
    return <p className="combobox-more">{query.trim() ? `Nothing matches “${query.trim()}”.` : 'Nothing to choose from.'}</p>;
  }
  if (more <= 0) return null;
  return (
    <p className="combobox-more">
      {more.toLocaleString('en-US')} more {query.trim() ? 'match' : 'in the list'}: keep typing to narrow.
    </p>
  );
}

function OptionRow({ option, chosen }: { option: ComboOption; chosen: boolean }) {
  return (
    <>
      {option.group && <span className="combobox-group">{option.group}</span>}
      <span className="combobox-label">{option.label}</span>
      {option.detail && <span className="combobox-detail">{option.detail}</span>}
      {chosen && <span className="visually-hidden"> (chosen)</span>}
    </>
  );
}

/**
 * One record from a long list, typed to find (WAI-ARIA combobox with a listbox popup, by downshift's
 * `useCombobox`): typing filters (folded as every name matcher folds), Down and Up move, Enter
 * chooses, Escape closes and puts back the chosen name. Only the first 50 matches are rendered, with
 * how many more there are. Closing never clears the choice: a list that allows "none" has an option
 * for it (id '').
 */
export function Combobox({
  options,
  value,
  onChange,
  listLabel,
  id: givenId,
  missingLabel = 'A deleted record',
  placeholder = 'Type to find…',
  disabled,
  autoFocus,
  ...aria
}: CommonProps & {
  value: string;
  onChange: (id: string) => void;
  /** Shown when the value is not among the options (a deleted record). */
  missingLabel?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const index = useMemo(() => comboIndex(options), [options]);
  const selected = useMemo(
    () => options.find((o) => o.id === value) ?? (value ? { id: value, label: missingLabel } : null),
    [options, value, missingLabel],
  );
  // Whether the input holds what the user typed (a filter) rather than the chosen record's name.
  // The input's text itself stays with downshift: it changes on the keystroke, where a value held
  // here would lag a render behind and lose fast typing.
  const [typing, setTyping] = useState(false);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => matchOptions(index, typing ? query : '', LIMIT), [index, typing, query]);
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps } = useCombobox<ComboOption>({
    items: matches.shown,
    itemToString,
    selectedItem: selected,
    // By label too: a name that changes (a record renamed, a list that finished loading) is shown.
    itemToKey: labelledKey,
    initialInputValue: selected?.label ?? '',
    inputId: id,
    menuId: `${id}-listbox`,
    onInputValueChange: ({ type, inputValue }) => {
      setQuery(inputValue);
      setTyping(type === useCombobox.stateChangeTypes.InputChange);
    },
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setTyping(false);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem && selectedItem.id !== value) onChange(selectedItem.id);
    },
    stateReducer: singleReducer,
  });
  return (
    <div className="combobox">
      <input
        {...getInputProps({
          ...aria,
          // The name comes from the field's <label for>; downshift would point at a label of its own.
          'aria-labelledby': undefined,
          placeholder,
          disabled,
          autoFocus,
          spellCheck: false,
        })}
      />
      <div className="combobox-popup" hidden={!isOpen}>
        <ul {...getMenuProps({ 'aria-label': listLabel, onMouseLeave: ignoreRestingPointer })}>
          {isOpen &&
            matches.shown.map((o, i) => (
              <li
                key={o.id}
                className={`combobox-option${i === highlightedIndex ? ' combobox-active' : ''}${o.id === value ? ' combobox-chosen' : ''}`}
                {...getItemProps({ item: o, index: i, onMouseMove: ignoreRestingPointer })}
              >
                <OptionRow option={o} chosen={o.id === value} />
              </li>
            ))}
        </ul>
        {isOpen && <MoreLine matches={matches} query={typing ? query : ''} />}
      </div>
    </div>
  );
}

/**
 * Typing highlights the first match (Enter takes it); Escape, or leaving the field without a
 * choice, keeps the chosen record and its name.
 */
function singleReducer(state: UseComboboxState<ComboOption>, { type, changes }: UseComboboxStateChangeOptions<ComboOption>) {
  switch (type) {
    case useCombobox.stateChangeTypes.InputChange:
      return { ...changes, highlightedIndex: changes.inputValue?.trim() ? 0 : -1 };
    case useCombobox.stateChangeTypes.InputKeyDownEscape:
      // On a closed list Escape changes nothing (downshift would clear the choice, and a choice just
      // made may not have come back through `value` yet); on an open one it closes it.
      if (!state.isOpen) return state;
      return { ...changes, selectedItem: state.selectedItem, inputValue: itemToString(state.selectedItem) };
    case useCombobox.stateChangeTypes.InputBlur:
      // Leaving without a choice puts back the chosen record's name over what was typed.
      return changes.selectedItem === state.selectedItem ? { ...changes, inputValue: itemToString(state.selectedItem) } : changes;
    default:
      return changes;
  }
}

/**
 * Several records from a long list: the chosen ones as buttons before the input (a button removes
 * its record; Left moves to them, Backspace in the empty input removes the last), the input a
 * combobox as above. Enter adds the highlighted record and clears the input for the next.
 */
export function MultiCombobox({
  options,
  value,
  onChange,
  exclude = [],
  listLabel,
  id: givenId,
  placeholder = 'Type a name to add…',
  disabled,
  ...aria
}: CommonProps & {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Ids never offered (e.g. the traveller among the hosts). */
  exclude?: readonly string[];
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const index = useMemo(() => comboIndex(options), [options]);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const chosen = useMemo(() => value.map((v) => byId.get(v) ?? { id: v, label: 'A deleted record' }), [value, byId]);
  const [typed, setTyped] = useState('');
  const matches = useMemo(() => {
    const skip = new Set([...value, ...exclude]);
    return matchOptions(index, typed, LIMIT, (o) => skip.has(o.id));
  }, [index, typed, value, exclude]);

  const { getSelectedItemProps, getDropdownProps, removeSelectedItem } = useMultipleSelection<ComboOption>({
    selectedItems: chosen,
    itemToKey,
    onSelectedItemsChange: ({ selectedItems }) => onChange(selectedItems.map((o) => o.id)),
  });
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps } = useCombobox<ComboOption>({
    items: matches.shown,
    itemToString,
    itemToKey,
    selectedItem: null,
    inputId: id,
    menuId: `${id}-listbox`,
    // The input's text stays with downshift (it changes on the keystroke); this copy filters.
    onInputValueChange: ({ inputValue }) => setTyped(inputValue),
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange([...value, selectedItem.id]);
    },
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        case useCombobox.stateChangeTypes.InputChange:
          return { ...changes, highlightedIndex: changes.inputValue?.trim() ? 0 : -1 };
        case useCombobox.stateChangeTypes.InputKeyDownEnter:
        case useCombobox.stateChangeTypes.ItemClick:
          return { ...changes, inputValue: '' };
        case useCombobox.stateChangeTypes.InputBlur:
          // Leaving the field adds nothing the user did not choose.
          return { ...changes, selectedItem: null, inputValue: '' };
        case useCombobox.stateChangeTypes.ControlledPropUpdatedSelectedItem:
          // The selection is always null here: downshift would otherwise clear the input after an
          // addition, taking the first letter typed for the next person with it.
          return { ...changes, inputValue: state.inputValue };
        default:
          return changes;
      }
    },
  });
  return (
    <div className="combobox combobox-multi">
      {chosen.length > 0 && (
        <ul className="combobox-chips" aria-label={`Chosen: ${chosen.length}`}>
          {chosen.map((o, i) => (
            <li key={o.id}>
              <button
                type="button"
                className="combobox-chip"
                {...getSelectedItemProps({ selectedItem: o, index: i })}
                aria-label={`Remove ${o.label}`}
                onClick={() => removeSelectedItem(o)}
                disabled={disabled}
              >
                {o.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...getInputProps(
          getDropdownProps({
            ...aria,
            'aria-labelledby': undefined,
            placeholder,
            disabled,
            spellCheck: false,
            preventKeyAction: isOpen,
          }),
        )}
      />
      <div className="combobox-popup" hidden={!isOpen}>
        <ul {...getMenuProps({ 'aria-label': listLabel, onMouseLeave: ignoreRestingPointer })}>
          {isOpen &&
            matches.shown.map((o, i) => (
              <li
                key={o.id}
                className={`combobox-option${i === highlightedIndex ? ' combobox-active' : ''}`}
                {...getItemProps({ item: o, index: i, onMouseMove: ignoreRestingPointer })}
              >
                <OptionRow option={o} chosen={false} />
              </li>
            ))}
        </ul>
        {isOpen && <MoreLine matches={matches} query={typed} />}
      </div>
    </div>
  );
}
