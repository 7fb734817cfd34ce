/** The intent ids of CONTRACTS.md §1. */
export const CONTRACT_INTENTS = ['case_status', 'documents', 'objection', 'complaint', 'change_details', 'payment', 'contact_hours', 'human', 'greeting', 'thanks', 'goodbye', 'none'] as const;
