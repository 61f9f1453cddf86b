import type { DeskReading } from './deskIngestion.js';
import type { DeskScopes } from './deskScopes.js';

/** News desks as the bot's handlers use them: the scope of a question, and reading a server's sources now. */
export interface DeskServices {
  scopes: DeskScopes;
  reading: DeskReading;
}
