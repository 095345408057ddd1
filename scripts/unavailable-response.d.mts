import type { IncomingMessage, ServerResponse } from "node:http";

/** See unavailable-response.mjs. `seen.unavailable` is set while the request runs when the database failed it. */
export function answerUnavailableAs503(req: IncomingMessage, res: ServerResponse, seen: { unavailable: boolean }): void;
