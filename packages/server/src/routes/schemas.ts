// JSON Schemas shared by the routes (request validation and the OpenAPI document at /docs).
export const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const slugParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } },
} as const;

export const delegationRef = {
  type: 'string',
  minLength: 3,
  maxLength: 80,
  pattern: '^[a-z0-9-]+:[A-Z0-9]{2,8}$',
} as const;
export const memberRef = { type: 'string', pattern: '^[A-Z0-9]{2,8}$' } as const;
export const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const errorBody = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
} as const;

/** Standard error responses, for the OpenAPI document. */
export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

export const anyObject = { type: 'object', additionalProperties: true } as const;
