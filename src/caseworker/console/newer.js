/**
 * A handoff reaches the console by two roads: the answer to the caseworker's own action, and the
 * socket's event for every write. They can cross: the reply's answer (which hides "Antwoord binnen …")
 * can arrive after the event for the citizen's next message (which shows it again). The stored version
 * orders them; a view without one (an older server) is taken as it comes.
 */
export const isOlder = (h, than) => than != null && typeof h.version === 'number' && typeof than.version === 'number' && h.version < than.version;
