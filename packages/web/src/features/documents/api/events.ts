/**
 * Live events (GET /api/events, server-sent): a new delivery, a returned or withdrawn one, a
 * reminder. The inbox and the slips refresh themselves; a new delivery also shows a notification.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LiveEvent } from './types.ts';

export type { LiveEvent };

/** Returns whether the stream is open (the page says so, and says when it is reconnecting). */
export function useLiveEvents(onEvent?: (e: LiveEvent) => void): boolean {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const on = (msg: MessageEvent<string>) => {
      let e: LiveEvent;
      try {
        e = JSON.parse(msg.data) as LiveEvent;
      } catch {
        return;
      }
      void qc.invalidateQueries({ queryKey: ['documents'] });
      handler.current?.(e);
    };
    const types: LiveEvent['type'][] = [
      'delivery.created',
      'delivery.updated',
      'delivery.reminder',
      'incoming.updated',
      'incoming.reminder',
    ];
    for (const t of types) source.addEventListener(t, on as EventListener);
    source.addEventListener('ready', () => setConnected(true));
    // The server lost its LISTEN connection and got it back: events of the gap are gone, so refetch.
    source.addEventListener('resync', () => void qc.invalidateQueries({ queryKey: ['documents'] }));
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [qc]);
  return connected;
}
