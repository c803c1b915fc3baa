import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { Screen } from '../../shared/screens';

/** Space kept between the last inline link and the More button. */
const GAP = 4;

/** How many links, of these widths, fit in `room` pixels (the More button's width taken when some do not). */
function linksThatFit(widths: readonly number[], room: number, moreWidth: number): number {
  const all = widths.reduce((sum, w) => sum + w + GAP, 0);
  if (all <= room) return widths.length;
  let used = moreWidth + GAP;
  let count = 0;
  for (const w of widths) {
    if (used + w + GAP > room) break;
    used += w + GAP;
    count++;
  }
  return count;
}

/**
 * The main navigation: one link per screen of the table (shared/screens.ts), as many as fit in the
 * bar; the rest in a "More" menu (the WAI-ARIA menu button pattern: Enter, Space or the arrows
 * open it, arrows move, Escape closes and returns to the button), so every screen is one or two
 * clicks away at any window width and nothing is drawn under the Commands button.
 */
export function MainNav({ screens }: { screens: readonly Screen[] }) {
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [fit, setFit] = useState(screens.length);
  const [menuOpen, setOpen] = useState(false);
  const location = useLocation();

  // Link widths come from an invisible copy of the whole list, so hidden links are measured too.
  const measure = useCallback(() => {
    const nav = navRef.current;
    const copy = measureRef.current;
    if (!nav || !copy) return;
    const items = [...copy.children] as HTMLElement[];
    const widths = items.slice(0, screens.length).map((li) => li.getBoundingClientRect().width);
    const more = items[screens.length]?.getBoundingClientRect().width ?? 80;
    setFit(linksThatFit(widths, nav.clientWidth, more));
  }, [screens.length]);

  useLayoutEffect(() => {
    measure();
    const nav = navRef.current;
    if (!nav) return undefined;
    const ro = new ResizeObserver(measure);
    ro.observe(nav);
    return () => ro.disconnect();
  }, [measure]);

  const overflow = screens.slice(fit);
  const open = menuOpen && overflow.length > 0;

  // A click anywhere else, or Back and Forward, close the menu. (Not any change of route: a screen
  // that rewrites its own address as it opens would close a menu the user has just opened.)
  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !moreRef.current?.contains(target)) setOpen(false);
    };
    const onPop = () => setOpen(false);
    document.addEventListener('pointerdown', onDown);
    window.addEventListener('popstate', onPop);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      window.removeEventListener('popstate', onPop);
    };
  }, [open]);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (which: 'first' | 'last') => {
    // The menu renders on open: focus its item on the next frame.
    requestAnimationFrame(() => {
      const list = items();
      (which === 'first' ? list[0] : list[list.length - 1])?.focus();
    });
  };
  const openMenu = (which: 'first' | 'last') => {
    setOpen(true);
    focusItem(which);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) moreRef.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openMenu('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu('last');
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      // A letter moves to the next item starting with it.
      const key = e.key.toLowerCase();
      const next = [...list.slice(at + 1), ...list.slice(0, at + 1)].find((el) => el.textContent?.toLowerCase().startsWith(key));
      next?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const activeInMore = overflow.some((s) => location.pathname === s.path || location.pathname.startsWith(`${s.path}/`));

  return (
    <nav aria-label="Main" ref={navRef} className="main-nav">
      <ul className="main-nav-links">
        {screens.slice(0, fit).map((screen) => (
          <li key={screen.id}>
            <NavLink to={screen.path}>{screen.label}</NavLink>
          </li>
        ))}
      </ul>
      {overflow.length > 0 ? (
        <div className="main-nav-more">
          <button
            ref={moreRef}
            type="button"
            id="main-nav-more"
            className={activeInMore ? 'active' : undefined}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={open ? 'main-nav-menu' : undefined}
            onClick={() => (open ? close(false) : setOpen(true))}
            onKeyDown={onButtonKey}
          >
            More <span aria-hidden="true">▾</span>
          </button>
          {open ? (
            <ul
              ref={menuRef}
              id="main-nav-menu"
              role="menu"
              aria-labelledby="main-nav-more"
              className="main-nav-menu"
              onKeyDown={onMenuKey}
            >
              {overflow.map((screen) => (
                <li key={screen.id} role="none">
                  <NavLink role="menuitem" tabIndex={-1} to={screen.path} onClick={() => setOpen(false)}>
                    {screen.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {/* The measuring copy: never seen, never read by screen readers, never focused. */}
      <ul ref={measureRef} className="main-nav-links main-nav-measure" aria-hidden="true" inert>
        {screens.map((screen) => (
          <li key={screen.id}>
            <a>{screen.label}</a>
          </li>
        ))}
        <li>
          <button type="button">
            More <span>▾</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
