/**
 * The kinds of message on the live stream (GET /api/events). Apart from their zod schema
 * (documents.api.ts liveEventOut) so that the web's header bell, loaded on every page, does not
 * pull zod and the documents schemas into the first bundle.
 */
export const LIVE_EVENT_TYPES = [
  'delivery.created',
  'delivery.updated',
  'delivery.reminder',
  'incoming.updated',
  'incoming.reminder',
  'notification.created',
] as const;
