/**
 * A store written by a newer program is refused rather than half understood (both backends
 * check before migrating). `holder` names it in the message: 'this store' or 'the database'.
 */
export function refuseNewerSchema(stored: number, understood: number, holder: string): void {
  if (stored > understood) {
    throw new Error(`${holder} has schema version ${stored}, newer than this program understands (${understood}); update the bot`);
  }
}
