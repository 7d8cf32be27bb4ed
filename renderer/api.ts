// The renderer's only way to the data: window.api, exactly the contract in shared/api.ts (the
// preload puts it there in Electron; the browser tests bind the same handler table). Calls
// resolve to the value or throw an ApiError carrying the user-facing message.
import type { Api, ApiArgs, ApiName, ApiResult } from '../shared/api';

declare global {
  interface Window {
    api?: Api;
  }
}

export class ApiError extends Error {
  override name = 'ApiError';
}

export async function call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
  const api = window.api;
  if (!api) throw new ApiError('Scrutiny Pack cannot reach its data. Close the app and open it again.');
  const fn = api[name] as unknown as (a: ApiArgs<K>) => Promise<{ ok: true; value: unknown } | { ok: false; error: string }>;
  const response = await fn(args);
  if (!response.ok) throw new ApiError(response.error);
  return response.value as ApiResult<K>;
}
