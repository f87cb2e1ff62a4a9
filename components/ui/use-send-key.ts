"use client";
import { useState } from "react";

/** 32 hex digits from the browser's random source (crypto.randomUUID needs https; a LAN address over http has none). */
function newKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function createSendKey() {
  let key: string | null = null;
  return {
    /** The key of this send attempt: a double click or a retry after no answer sends the same one. */
    take: () => (key ??= newKey()),
    /** The send was answered: the next one is a new send with a new key. */
    answered: () => {
      key = null;
    },
  };
}

/**
 * A send's idempotency key (lib/submissions/send-once.ts), made in this browser. A form shown
 * again (Back restores an old render, whose key was already used) starts without one, and a
 * send that got an answer is over; a send that got none (no connection) keeps its key, so
 * sending the same again finds what the first stored, if it was stored.
 */
export function useSendKey() {
  return useState(createSendKey)[0];
}
