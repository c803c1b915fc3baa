import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { filterPalette, withRecentFirst, type PaletteItem } from './palette-filter';

export interface PaletteCommand extends PaletteItem {
  /** Shown at the right, e.g. "Ctrl+Shift+O". */
  shortcut?: string;
  run: () => void;
}

/**
 * The command palette: a modal <dialog> holding an ARIA combobox (the text box) that controls a
 * listbox of commands, filtered as you type (fuzzy, see palette-filter.ts). Arrow keys move the
 * active option (aria-activedescendant, focus stays in the box), Enter runs it, Escape closes and
 * returns focus where it was. Recently used commands come first.
 */
export function CommandPalette({
  open,
  onClose,
  commands,
  recent,
  onRun,
}: {
  open: boolean;
  onClose: () => void;
  commands: readonly PaletteCommand[];
  recent: readonly string[];
  onRun: (command: PaletteCommand) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;

  const results = useMemo(() => filterPalette(withRecentFirst(commands, recent), query), [commands, recent, query]);
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setQuery('');
      setActive(0);
      d.showModal();
      input.current?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    document.getElementById(`${baseId}-opt-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, baseId]);

  const close = () => {
    onClose();
    // Back to where the user was (the native dialog's own restore is not reliable across browsers).
    const target = returnFocus.current;
    if (target?.isConnected) requestAnimationFrame(() => target.focus());
  };

  const run = (command: PaletteCommand | undefined) => {
    if (!command) return;
    onClose();
    const target = returnFocus.current;
    // Focus goes back first; the command may then move it (a new page focuses its own heading).
    if (target?.isConnected) target.focus();
    onRun(command);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(activeIndex >= last ? 0 : activeIndex + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(activeIndex <= 0 ? Math.max(last, 0) : activeIndex - 1);
    } else if (e.key === 'Home' && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && e.ctrlKey) {
      e.preventDefault();
      setActive(Math.max(last, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(results[activeIndex]);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog palette"
      aria-label="Command palette"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === dialog.current) close();
      }}
    >
      {open && (
        <div className="palette-body">
          <input
            ref={input}
            type="text"
            className="palette-input"
            role="combobox"
            aria-label="Type a command"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
            placeholder="Type a command, e.g. map, new visit, dark"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" aria-label="Commands" className="palette-list">
            {results.map((command, i) => (
              <li
                key={command.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'palette-option active' : 'palette-option'}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                onClick={() => run(command)}
              >
                <span>{command.label}</span>
                {command.shortcut && <kbd className="palette-shortcut">{command.shortcut}</kbd>}
              </li>
            ))}
          </ul>
          {results.length === 0 && (
            <p className="palette-empty" role="status">
              No command matches “{query}”. Try fewer letters, or press Esc to close.
            </p>
          )}
          <p className="palette-hint muted">↑ ↓ to choose · Enter to run · Esc to close</p>
        </div>
      )}
    </dialog>
  );
}
