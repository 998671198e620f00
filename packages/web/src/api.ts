/** The council platform's HTTP API, as the UI uses it: same origin, session cookie plus the CSRF header. */

export interface User {
  id: number;
  username: string;
  role: 'delegate' | 'presidency' | 'secretariat' | 'observer';
  delegation: string | null;
  institution: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** The whole problem body: some refusals carry the engine's detail (a border change's checks). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = data as { message?: string; field?: string } | undefined;
    throw new ApiError(
      response.status,
      problem?.message ?? `${method} ${path}: HTTP ${response.status}`,
      problem?.field,
      data as Record<string, unknown> | undefined,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),

  async login(username: string, password: string): Promise<User> {
    const r = await request<{ user: User; csrfToken: string }>('POST', '/api/login', { username, password });
    csrfToken = r.csrfToken;
    return r.user;
  },
  async logout(): Promise<void> {
    await request('POST', '/api/logout');
    csrfToken = undefined;
  },
  /** The logged-in user after a reload (the cookie survives it; the CSRF token comes back with it). */
  async me(): Promise<User | null> {
    try {
      const r = await request<User & { csrfToken?: string }>('GET', '/api/me');
      if (r.csrfToken) csrfToken = r.csrfToken;
      const { csrfToken: _, ...user } = r;
      return user;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
};
