/** On the web an invite is a link to the claim page of this site. */
export const inviteLink = (path: string): string | null => `${window.location.origin}/${path.replace(/^\//, '')}`
