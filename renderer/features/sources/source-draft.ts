import { sourceSchema, type Source } from '../../../shared/model';
import { placeFor } from '../../../shared/places';
import type { SourceDraft } from '../../db';

/** The source form as typed. */
export interface SourceFormState {
  title: string;
  publisher: string;
  url: string;
  publishedOn: string;
  datelineCountry: string;
  datelineCity: string;
  text: string;
}

export function sourceFormState(source?: Source): SourceFormState {
  return {
    title: source?.title ?? '',
    publisher: source?.publisher ?? '',
    url: source?.url ?? '',
    publishedOn: source?.publishedOn ?? '',
    datelineCountry: source?.datelinePlace?.country ?? '',
    datelineCity: source?.datelinePlace?.city ?? '',
    text: source?.text ?? '',
  };
}

const draftSchema = sourceSchema.pick({
  kind: true,
  title: true,
  publisher: true,
  url: true,
  datelinePlace: true,
  publishedOn: true,
  text: true,
});

/**
 * Validates the form with the shared source schema. An address must be a web address: it is
 * shown, never opened by the app, but a `javascript:` URL has no business in a source.
 */
export function validateSourceForm(
  state: SourceFormState,
  kind: Source['kind'] = 'article',
): { ok: true; draft: SourceDraft } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const url = state.url.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) errors.url = 'Use a web address starting with http:// or https://';
  if (state.datelineCity.trim() && !state.datelineCountry) errors.datelineCountry = 'Choose the country of the dateline city';
  const candidate = {
    kind,
    title: state.title,
    publisher: state.publisher.trim() || null,
    url: url || null,
    publishedOn: state.publishedOn.trim() || null,
    datelinePlace: state.datelineCountry ? placeFor(state.datelineCountry, state.datelineCity) : null,
    text: state.text,
  };
  const r = draftSchema.safeParse(candidate);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? '_');
      errors[key === 'datelinePlace' ? 'datelineCountry' : key] ??= issue.message;
    }
  }
  if (Object.keys(errors).length || !r.success) return { ok: false, errors };
  return { ok: true, draft: r.data };
}
