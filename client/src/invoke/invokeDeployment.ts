// POST /invoke on a deployed pipeline: the body ZenML's server expects, the bearer key when the
// deployment has one, and an answer formatted for reading. The key is sent, never returned or
// printed. No `vscode` import (tested against the emulator's stand-in server). The URL is the
// caller's: `https://<ServiceUrl>/invoke`, or where the Local Sandbox serves that service.

export interface InvokeResult {
  status: number;
  ok: boolean;
  /** The response pretty-printed when it is JSON, else as received. */
  text: string;
}

/** Parses what the user typed as the pipeline's parameters: a JSON object (empty: `{}`). */
export function parseParameters(input: string): { ok: true; parameters: Record<string, unknown> } | { ok: false; error: string } {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, parameters: {} };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, error: `Parameters must be a JSON object such as {"city": "Paris"}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'Parameters must be a JSON object such as {"city": "Paris"}, not an array or a single value.' };
  return { ok: true, parameters: value as Record<string, unknown> };
}

export async function invokeDeployment(url: string, parameters: Record<string, unknown>, authKey: string | undefined, options: { signal?: AbortSignal } = {}): Promise<InvokeResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authKey ? { Authorization: `Bearer ${authKey}` } : {}) },
    body: JSON.stringify({ parameters }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const raw = await response.text();
  let text = raw;
  try {
    text = JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    // Not JSON (an HTML error page, plain text): shown as received.
  }
  return { status: response.status, ok: response.ok, text };
}
