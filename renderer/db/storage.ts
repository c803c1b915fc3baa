/**
 * Asks the browser to keep our data even under storage pressure (Electron grants it through the
 * permission handler). Returns whether storage is persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
