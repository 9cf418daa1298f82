/** The mini-program shares an invite as a card (the share button); there is no web link to copy. */
export const inviteLink = (_path: string): string | null => null
