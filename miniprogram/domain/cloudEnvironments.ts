// The cloud environments the trial and release versions of the mini-program call: one list for the client,
// which picks its backend by version, and for the functions, which refuse development stand-ins there.
export const CLOUD_ENVIRONMENTS = {
  trial: 'changsha-permit-trial',
  release: 'changsha-permit-prod',
} as const;
