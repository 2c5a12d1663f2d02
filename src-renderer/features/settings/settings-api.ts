import { useChannelMutation } from '../../api/hooks';

export const useUpdateProfile = () =>
  useChannelMutation('auth.updateProfile', { invalidates: ['auth.session'], inForm: true });
export const useChangePassword = () => useChannelMutation('auth.changePassword', { inForm: true });
export const useSetCurrency = () =>
  useChannelMutation('auth.setCurrency', { invalidates: ['auth.session'], inForm: true });
