import bundleUrl from '../../../assets/datasets/historyatstate/historyatstate.json.gz?url';
import { parseHsgBundle } from '../../../shared/importers';

/**
 * The Office of the Historian data set that ships inside the app (assets/datasets/historyatstate),
 * as the files a user would pick from the data set's folder. It is read from the app's own origin
 * (no network) and decompressed by the browser. A server that already undid the gzip (sent with
 * Content-Encoding) is handled too, by looking at the first bytes.
 */
export async function loadBundledHsg(): Promise<{ name: string; file: File }[]> {
  let response: Response;
  try {
    response = await fetch(bundleUrl);
  } catch {
    throw new Error('The bundled data set could not be read from the app; reinstall Legation.');
  }
  if (!response.ok) throw new Error(`The bundled data set is missing from the app (${response.status}); reinstall Legation.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const json = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return parseHsgBundle(json).map(({ name, text }) => ({ name, file: new File([text], name.split('/').pop()!, { type: 'text/xml' }) }));
}
