// The settings schemas live in shared/ because the IPC contract validates with them.
export * from '../../../shared/settings.ts';
