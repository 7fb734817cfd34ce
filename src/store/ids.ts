/** Activity ids in the Direct Line style: `<conversationId>|<seq, 7 digits>`. */
export const activityId = (conversationId: string, seq: number): string =>
  `${conversationId}|${String(seq).padStart(7, '0')}`;
