/**
 * The app's identity on disk and in Chromium. Pure data: no runtime import from 'electron'.
 *
 * ╔══════════════════════════════════════════════════════════════════════════════════════════╗
 * ║  NEVER CHANGE APP_SCHEME, APP_HOST OR APP_NAME AFTER THE FIRST RELEASE.                    ║
 * ║                                                                                            ║
 * ║  All user data lives in IndexedDB, and IndexedDB belongs to an *origin*: app://legation.   ║
 * ║  Chromium keys the database by that origin inside the userData folder, and the userData    ║
 * ║  folder is named after APP_NAME. Renaming the scheme or the host gives the renderer a new, ║
 * ║  empty origin; renaming the app moves the profile folder. Either way, users would open     ║
 * ║  the app to find every visit, source and note gone (still on disk, but unreachable).       ║
 * ║  A rename needs a migration that exports the old origin's data first — not an edit here.   ║
 * ╚══════════════════════════════════════════════════════════════════════════════════════════╝
 */

/** Custom privileged scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
/** Host part of every renderer URL; together with the scheme it forms the IndexedDB origin. */
export const APP_HOST = 'legation';
/** The renderer's origin, as Chromium reports it (`WebFrameMain.origin`, `location.origin`). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** First page loaded in the window. */
export const ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** `app.setName` value; also the name of the userData folder (see the box above). */
export const APP_NAME = 'Legation';
/** Environment variable that points the app at another userData folder (tests, portable use). */
export const USER_DATA_ENV = 'LEGATION_USER_DATA';
