// A typed event bus: core services emit, the transports (ipc, bridge) forward to the renderer.
import type { EventName, EventPayload } from '../../shared/contract.ts';

type Listener<K extends EventName> = (payload: EventPayload<K>) => void;

export class EventBus {
  #listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<K extends EventName>(event: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload);
  }
}
