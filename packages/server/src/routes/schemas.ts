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

const caucusHead = { by: { type: 'string' }, name: { type: 'string' } } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

/** `GET /api/institutions/:id/caucuses`. */
export const institutionCaucuses = {
  type: 'object',
  required: ['institution', 'date', 'caucuses'],
  properties: {
    institution: { type: 'string' },
    date: isoDate,
    caucuses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['by', 'name', 'members'],
        properties: {
          ...caucusHead,
          members: {
            type: 'array',
            items: {
              type: 'object',
              required: ['delegation', 'state'],
              properties: { delegation: { type: 'string' }, state: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

const choiceOrNull = { type: ['string', 'null'], enum: ['yes', 'no', 'abstain', null] } as const;

/** `GET /api/polls/:id/caucuses`: `counts`, `conditionMet` and `positions` are null where secrecy withholds them. */
export const pollCaucuses = {
  type: 'object',
  required: ['poll', 'motion', 'ballot', 'status', 'caucuses'],
  properties: {
    poll: { type: 'integer' },
    motion: { type: 'integer' },
    ballot: { type: 'string', enum: ['roll-call', 'secret'] },
    status: { type: 'string', enum: ['open', 'closed'] },
    caucuses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['by', 'name', 'members', 'voted', 'notVoted', 'counts', 'conditionMet', 'positions'],
        properties: {
          ...caucusHead,
          members: { type: 'integer' },
          voted: { type: 'array', items: { type: 'string' } },
          notVoted: { type: 'integer' },
          counts: nullable({
            type: 'object',
            required: ['yes', 'no', 'abstain'],
            properties: { yes: { type: 'integer' }, no: { type: 'integer' }, abstain: { type: 'integer' } },
          }),
          conditionMet: { type: ['boolean', 'null'] },
          suppressed: { type: 'boolean' },
          positions: nullable({
            type: 'array',
            items: {
              type: 'object',
              required: ['delegation', 'state', 'choice'],
              properties: { delegation: { type: 'string' }, state: { type: 'string' }, choice: choiceOrNull },
            },
          }),
        },
      },
    },
  },
} as const;
