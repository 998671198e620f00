/** An error a client caused: sent as `{ error, message, field? }` with its status; never logged as a fault. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    /** More of the answer, sent beside the message (e.g. every check the engine made). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new HttpError(400, message, field);
export const unauthorized = (message = 'log in first (POST /api/login)') => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (what: string) => new HttpError(404, `${what} not found`);
export const conflict = (message: string, field?: string) => new HttpError(409, message, field);
/** The engine examined the request and refused it; `details` say what it checked. */
export const unprocessable = (message: string, details?: Record<string, unknown>) =>
  new HttpError(422, message, undefined, details);
