// The Electron preload exposes the contract's verbs as `window.vitrine`; in a plain browser
// (the local HTTP host) it is absent and the client falls back to fetch.
import type { VitrineBridge } from './envelope';

declare global {
  interface Window {
    vitrine?: VitrineBridge;
  }
}

export {};
