/**
 * The status a clause gives a visit, read from the words near the travel word: "will visit",
 * "is set to visit" → planned; "postponed", "put off" → postponed; "cancelled", "called off",
 * "will not attend", "did not visit", "would have been" → cancelled; "is visiting", "has arrived"
 * → underway; "visited", "met ... in", "returned from" → completed. A cancel word under a negation
 * ("did not see a need to cancel") does not count.
 */
import type { VisitStatus } from '../model/status';

export interface StatusReading {
  status: VisitStatus;
  /** The words that decided it. */
  cue: string | null;
  /** Where those words are in the clause text given to readStatus, [start, end). */
  cueAt: [number, number] | null;
  /** "had been scheduled", "failed to": dates in the clause lie in the past. */
  pastPerfect: boolean;
  /** "has cancelled", "is calling off", "was on a tour": news of the moment. */
  current: boolean;
  /** Arrival words ("arrived", "landed"): the clause's date is the first day. */
  arrival: boolean;
  /** Return words ("returned home", "concluding"): the clause's date is the last day. */
  departure: boolean;
}

interface Cue {
  re: RegExp;
  kind: 'cancel' | 'postpone' | 'counterfactual' | 'underway' | 'completed' | 'planned' | 'proceed';
  /** May the cue follow the travel word ("the trip was postponed")? */
  after: boolean;
}

const CUES: Cue[] = [
  {
    re: /\b(?:will not|won't|would not|wouldn't|did not|didn't|does not|doesn't|do not|don't|cannot|can't|could not|couldn't|unable to|not be able to|not being able to|failed to|fail to)\s+(?:(?:be|now|still|longer|have|been)\s+)*(?:attend\w*|visit\w*|travel\w*|go(?:ing)?|make\w*|able|push\w* through|come|fly|proceed\w*|show up)\b|\bnot (?:allow|permit)\w* (?:him|her|them|the \w+) to\b|\bno longer\b|\bnot to (?:attend|visit|travel|go)\b/g,
    kind: 'cancel',
    after: true,
  },
  {
    re: /\b(?:(?:will|would|did|does|do|is|was) not|won't|didn't|isn't|wasn't) (?:now |longer )?(?:take place|go ahead|happen|be held|materiali[sz]e)|\b(?:cancel(?:l?ed|s|l?ing|lations?)?|call(?:ed|s|ing)? off|scrap(?:ped|s|ping)?|abandon(?:ed|s|ing)?|skip(?:ped|s|ping)?|pull(?:ed|s|ing)? out|withdr[ae]w\w*|broke(?:n)? off|turned down|declined (?:to|an invitation))\b/g,
    kind: 'cancel',
    after: true,
  },
  {
    re: /\b(?:postpon\w*|delay(?:ed|s|ing)?|put off|push(?:ed|es|ing)? back|defer(?:red|s|ring|ral)?|re-?schedul\w*|change (?:in|of) (?:the )?dates?|new dates?|other dates|not suitable|a later date|(?:moved|shifted|pushed) (?:back )?to (?=(?:next|later|a later|the end|early|late|mid|the (?:spring|summer|autumn|fall|winter)|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))|(?:put |placed |is |was |remains? )?on hold|on ice|shel(?:ved|ves|ve|ving))\b/g,
    kind: 'postpone',
    after: true,
  },
  {
    re: /\bwould have (?:been|proceeded|gone|visited|travel+ed|attended|made|marked|included|seen)\b/g,
    kind: 'counterfactual',
    after: true,
  },
  {
    re: /\b(?:(?:is|are) (?:currently |now |still |already )?(?:visiting|touring|on (?:a|an|his|her|their)\b|in\b|staying|headed|heading|en route)|(?:has|have) (?:just )?arrived|arrives|arriving|currently (?:visiting|in|on)|(?:was|were) on (?:a|an|his|her|their) [\w -]{0,30}?(?:tour|visit|trip)|(?:(?:has|have) )?(?:began|begun|started|kicked off|embarked on)(?= (?:a|an|his|her|their)\b))\b/g,
    kind: 'underway',
    after: false,
  },
  {
    re: /\b(?:will|shall|'ll|would(?! have)|(?:is|are|was|were) (?:also |still |now )?(?:set|scheduled|due|expected|slated|poised|going|about|to)\b|set to|scheduled|planned|plans?\b|planning|to be held|upcoming|forthcoming|proposed|accepted to|agreed to|invit\w+|intends? to|hopes? to|preparing to|(?:had|has|have) been (?:due|set|scheduled|expected|planned|invited))/g,
    kind: 'planned',
    after: false,
  },
  {
    // "the German leg still going ahead", "will go ahead as scheduled", "proceed as planned": the trip
    // stands; nearer the travel word than a cancel or postpone word, it wins over it.
    re: /\b(?:go(?:es|ing)?|went) ahead\b|\bproceed(?:s|ing)? as (?:planned|scheduled)\b|\b(?:remains?|still) on (?:schedule|track)\b/g,
    kind: 'proceed',
    after: true,
  },
  {
    // "made state visits to", "made a two-day trip": a trip that took place.
    re: /\bmade (?:(?:a|an|his|her|their|two|three|several|[\w-]+-day|state|official|working|first|historic|rare|brief|private|maiden) ){0,3}(?:visits?|trips?|tours?|stops?)\b/g,
    kind: 'completed',
    after: false,
  },
  {
    // "cut short his visit": the trip took place, shorter ("the visit has been cut short by a day" is no cue).
    re: /\b(?:cut|cuts|cutting) short (?:his|her|their|the)\b|\b(?:shortened|curtailed) (?:his|her|their)\b/g,
    kind: 'completed',
    after: false,
  },
  {
    // "the visit will take place in June", "her trip is to be held later": a plan told after the noun.
    re: /\b(?:will|would|shall|is to|are to|is expected to|is set to) (?:be (?:held|made|paid|sometime|in|on|at|during)|take place|happen|begin|start|go ahead)\b/g,
    kind: 'planned',
    after: true,
  },
  {
    re: /\b(?:visited|met|arrived|toured|returned|concluded|concluding|wrapped|wrapping up|held|paid|attended|landed|flew|flying home|went|travel+ed|stopped|was in|were in|spent|left for|stayed|left(?![\w-])|(?<!\b(?:will|to|would|shall|must|may|might|can|could) )set (?:off|out)(?= for))\b/g,
    kind: 'completed',
    after: false,
  },
];

const NEGATION_BEFORE = /\b(?:not|never|no|n't)\b[\w\s]{0,20}$/;
const PRIORITY: Record<Cue['kind'], number> = {
  cancel: 6,
  postpone: 5,
  counterfactual: 4,
  underway: 3,
  completed: 2,
  planned: 1,
  proceed: 1,
};

/**
 * Reads the status for the travel word at [triggerStart, triggerEnd) of `clause` (lower-cased
 * clause text). `triggerWord` is that word itself ("visited", "arrives", "trip").
 */
/** A participle or relative aside about the plan, set off by commas. */
const ASIDE =
  /,\s*(?:(?:originally|initially|previously|first|earlier) )?(?:scheduled|planned|set|slated|due|expected|meant|announced|which|that had been|which had been)\b[^,;]{0,80},/g;

export function readStatus(clause: string, triggerStart: number, triggerEnd: number, triggerWord: string): StatusReading {
  const found: Array<{ kind: Cue['kind']; text: string; distance: number; at: [number, number] }> = [];
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(clause); m; m = cue.re.exec(clause)) {
      const s = m.index;
      const e = s + m[0].length;
      let distance: number;
      if (e <= triggerStart + 1) distance = triggerStart - e;
      else if (s >= triggerEnd - 1) {
        if (!cue.after) continue;
        // "the visit to A, scheduled for 14-16 April, has been put off": an aside between commas
        // about the plan does not put the verb further from the trip.
        distance = clause.slice(triggerEnd, s).replace(ASIDE, ',').length;
        // "The visit of <title> <name> to <country> has been put off": the passive verb of a sentence
        // whose subject is the visit reaches across the visitor's name and the destination.
        const passive = /\b(?:has|have|had) been\s+$|\b(?:was|were|is|are)\s+(?:being\s+)?$/.test(clause.slice(Math.max(0, s - 16), s));
        if (distance > (passive ? 90 : 45)) continue;
      } else distance = 0; // the cue is the travel word itself ("visited")
      const limit = cue.kind === 'planned' || cue.kind === 'completed' || cue.kind === 'underway' ? 70 : 100;
      if (distance > limit) continue;
      if (
        (cue.kind === 'cancel' || cue.kind === 'postpone') &&
        !/^(?:will|won't|would|did|didn't|does|do|cannot|can't|could|unable|not|failed|fail|no)\b/.test(m[0])
      ) {
        if (NEGATION_BEFORE.test(clause.slice(Math.max(0, s - 30), s))) continue;
      }
      found.push({ kind: cue.kind, text: m[0], distance, at: [s, e] });
    }
  }
  const word = triggerWord.toLowerCase();
  // Setting out for a place counts as arriving there the same day ("left for Oslo on Tuesday").
  const arrival =
    /^(arriv|land|reach)/.test(word) ||
    /\b(arrived|arrives|landed|arriving)\b/.test(clause) ||
    /\b(?:left|departed|set (?:off|out)) for\b|\b(?:headed|flew) to\b/.test(clause);
  const departure = /\b(returned|returning|returns|concluding|concluded|wrapping up|wrapped up|flying home|flew home|left for home)\b/.test(
    clause,
  );
  const pastPerfect =
    /\b(?:had been (?:due|set|scheduled|expected|planned)|had planned|had (?:cancel|postpon|call|scrap|delay|put off)\w*|failed to|did not|didn't)\b/.test(
      clause,
    );
  let current =
    /\b(?:has|have) (?:\w+ )?(?:cancel|postpon|call|scrap|delay|put|broke|pull|arriv)\w*|\b(?:is|are) (?:\w+ )?(?:cancel|postpon|call|calling|scrapp|delay|putting)\w*|\b(?:was|were) on (?:a|an|his|her|their)\b/.test(
      clause,
    );
  if (found.length === 0) {
    // No cue: the travel word's own tense.
    if (/^(visited|met|toured|returned|arrived|landed|flew|travel+ed|attended|held|went|paid|stopped)$/.test(word)) {
      return { status: 'completed', cue: word, cueAt: [triggerStart, triggerEnd], pastPerfect, current, arrival, departure };
    }
    if (/^(invitation|invited)$/.test(word))
      return { status: 'planned', cue: word, cueAt: [triggerStart, triggerEnd], pastPerfect, current, arrival, departure };
    // Past tense, but not the participles of a plan ("originally planned for", "scheduled for").
    const past = /\b(?:was|were|had|did|told|said)\b|\b\w{3,}ed\b/.test(
      clause.replace(/\b(?:planned|scheduled|expected|slated|proposed|intended|rescheduled)\b/g, ''),
    );
    return { status: past ? 'completed' : 'planned', cue: null, cueAt: null, pastPerfect, current, arrival, departure };
  }
  // The strongest kind of cue wins; among planned/completed/underway the nearest to the travel word.
  const strong = found.filter((f) => PRIORITY[f.kind] >= 4).sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || a.distance - b.distance);
  const weak = found.filter((f) => PRIORITY[f.kind] < 4).sort((a, b) => a.distance - b.distance || PRIORITY[b.kind] - PRIORITY[a.kind]);
  // "cancelled numerous engagements and postponed a scheduled trip": a cancel or postpone word with
  // an object of its own, then another nearer the travel word: the nearer one is the trip's.
  const first = strong[0];
  if (first && first.at[1] <= triggerStart) {
    const nearer = strong.find(
      (f) => f !== first && f.at[0] >= first.at[1] && f.at[1] <= triggerStart && /\band\b|,/.test(clause.slice(first.at[1], f.at[0])),
    );
    if (nearer) {
      strong.splice(strong.indexOf(nearer), 1);
      strong.unshift(nearer);
    }
  }
  const proceed = found.filter((f) => f.kind === 'proceed').sort((a, b) => a.distance - b.distance)[0];
  // A cancel or postpone word beyond ", with", ", but", ", while" or ";" belongs to another part of the sentence.
  const apart = (f: { at: [number, number] }) =>
    /,\s*(?:with|but|while|whereas)\b|;/.test(
      f.at[1] <= triggerStart ? clause.slice(f.at[1], triggerStart) : clause.slice(triggerEnd, f.at[0]),
    );
  const pick = proceed && (!strong[0] || proceed.distance < strong[0].distance || apart(strong[0])) ? proceed : (strong[0] ?? weak[0]!);
  const status: VisitStatus =
    pick.kind === 'cancel' || pick.kind === 'counterfactual'
      ? 'cancelled'
      : pick.kind === 'postpone'
        ? 'postponed'
        : pick.kind === 'underway'
          ? 'underway'
          : pick.kind === 'completed'
            ? 'completed'
            : 'planned';
  if (pick.kind === 'underway') current = true;
  // A new firm date in a rescheduling clause makes the visit planned again: "rescheduled for 25 January".
  return { status, cue: pick.text, cueAt: pick.at, pastPerfect, current, arrival, departure };
}
