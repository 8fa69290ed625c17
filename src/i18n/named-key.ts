/**
 * A key as labels name it: its name and last four (`Production API (…qeUS)`), so the two keys of one
 * name a roll leaves differ; its name alone when the backend tells no last four (Clerk's, after
 * creation), rather than an ellipsis with nothing after it.
 */
export const namedKey = (name: string, lastFour: string): string => (lastFour ? `${name} (…${lastFour})` : name)
