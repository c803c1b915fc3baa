/**
 * News articles written for the tests (people and events invented; the shapes are how wire stories
 * report trips). Real articles are other people's text and stay out of the repository: the
 * extractor is scored on them by `npm run eval:extract --dir …`, not here.
 */
export interface TestArticle {
  /** The headline, which becomes the source's title. */
  title: string;
  /** The publication date a user would type. */
  date: string;
  text: string;
}

/** An arrival: one visit under way (Kenya, Nairobi), one leg still ahead (Ghana). */
export const ARRIVAL: TestArticle = {
  title: 'Norwegian Prime Minister Arrives in Nairobi',
  date: '2018-08-30',
  text: `Norwegian Prime Minister Arrives in Nairobi

NAIROBI, Aug 30 — Norwegian Prime Minister Ingrid Halvorsen has arrived in Nairobi on a two-day official visit to Kenya, her first trip to East Africa since taking office.

Halvorsen was welcomed at the airport by Kenya's foreign minister and will hold talks with President William Odhiambo at State House on trade, clean energy and regional security.

After Kenya, Halvorsen will travel to Ghana, where she is due to meet the president in Accra on Saturday, officials said.
`,
};

/** A cancelled two-country trip. */
export const CANCELLATION: TestArticle = {
  title: 'President Carter Cancels Asia Trip',
  date: '2013-10-04',
  text: `President Carter Cancels Asia Trip

WASHINGTON, Oct 4 — President Daniel Carter has cancelled his visits to the Philippines and Malaysia next week because of the budget standoff in Congress, the White House said on Friday.

Carter had been due to arrive in Kuala Lumpur on October 11 and to travel on to Manila the next day. Secretary of State Helen Ward will lead the American delegation in his place.
`,
};

/** A postponement, for long texts made of several stories. */
export const POSTPONEMENT: TestArticle = {
  title: 'Chilean President Postpones State Visit to Spain',
  date: '2015-03-12',
  text: `Chilean President Postpones State Visit to Spain

SANTIAGO, March 12 — Chilean President Marta Fuentes has postponed a state visit to Spain planned for next month after floods in the north of the country, her office said on Thursday. A new date will be set later, it said.
`,
};
