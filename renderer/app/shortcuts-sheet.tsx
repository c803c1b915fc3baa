import { Fragment } from 'react';
import { keyLabel, SHORTCUTS, type Shortcut } from './shortcuts';
import { Dialog } from '../components/dialog';

const GROUPS: readonly Shortcut['group'][] = ['Anywhere', 'Go to', 'Lists and forms'];

/** The keyboard shortcuts sheet (`?`): every shortcut, grouped, in a modal dialog. */
export function ShortcutsSheet({
  open,
  onClose,
  mac,
  onOpenPalette,
}: {
  open: boolean;
  onClose: () => void;
  mac: boolean;
  onOpenPalette: () => void;
}) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <div className="shortcuts-sheet">
        {GROUPS.map((group) => (
          <section key={group} aria-label={group} className={`shortcuts-group shortcuts-${group === 'Go to' ? 'go' : 'other'}`}>
            <h3>{group}</h3>
            <dl className="shortcuts">
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <Fragment key={s.description + s.keys.join()}>
                  <dt>
                    {s.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && !mac && <span aria-hidden="true">+</span>}
                        <kbd>{keyLabel(k, mac)}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{s.description}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
        <div className="button-row shortcuts-actions">
          <button type="button" className="primary" onClick={onOpenPalette}>
            Open the command palette
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
