/** What every dialog set must contain: the intent ids of CONTRACTS.md §1 and the texts the runtime says. */
import { MESSAGE_HANDOFF_REASONS } from '../nlu/types.ts';

export const REQUIRED_INTENTS = [
  'case_status', 'documents', 'objection', 'complaint', 'change_details', 'payment',
  'contact_hours', 'human', 'greeting', 'thanks', 'goodbye', 'none',
] as const;

export const REQUIRED_TEXTS = [
  'welcome',
  'error.turn',
  'why.default', 'why.nothing', 'why.not_placed.fallback', 'why.not_placed.fallback_after_answer', 'why.not_placed.fallback_after_case', 'why.again', 'why.handoff', 'why.handoff.case_overdue', 'why.version',
  'case.ask_number', 'case.ask_both', 'case.ask_both_no_code', 'case.ask_postcode', 'case.ask_birthdate',
  'case.reprompt_number', 'case.reprompt_both', 'case.reprompt_moved', 'case.reprompt_moved_both', 'case.reprompt_postcode', 'case.reprompt_birthdate',
  'case.status', 'case.decision_date', 'case.after_answer', 'case.explain', 'case.explain_flagged', 'case.means.in_progress', 'case.means.in_progress_due', 'case.means.granted', 'case.means.refused', 'case.means.waiting', 'case.why_slow', 'case.why_decided.granted', 'case.why_decided.refused', 'case.no_decision_yet', 'case.speed_up', 'case.speed_up_waiting', 'case.objection_before_decision', 'case.who_handles', 'case.who_handles_general', 'case.paid_when', 'case.pick_up', 'case.pick_up_not_yet', 'case.started_before_decision', 'case.neighbours_object', 'case.late',
  'case.mismatch', 'case.mismatch_known_identity', 'case.mismatch_insist', 'case.explain_mismatch', 'case.ask_all_again', 'case.ask_number_known_facts', 'case.ask_number_again', 'case.follow_up_unknown', 'case.left', 'case.no_number', 'case.no_number_offer', 'case.how_long', 'case.not_applied', 'case.no_identity', 'case.no_identity_offer', 'case.no_birthdate_offer', 'case.paid', 'case.where_number',
  'case.locked', 'case.flagged', 'case.ask_whole_number', 'case.ask_whole_number_next', 'case.flagged_known', 'case.flagged_overdue', 'case.flagged_known_overdue', 'case.explain_overdue',
  'case.hint_number_no_year', 'case.hint_postcode_letters', 'case.hint_postcode_letters_both', 'case.hint_date_no_year', 'case.hint_date_in_words', 'case.hint_date_whole', 'case.hint_date_no_such', 'case.future_birthdate',
  'case.why_number_other', 'case.why_identity_other', 'case.no_identity_offer_other', 'case.no_birthdate_offer_other', 'case.also_not_matched',
  'handoff.reach', 'glossary.why',
  ...MESSAGE_HANDOFF_REASONS.map((r) => `handoff.${r}`),
  'handoff.not_understood', 'handoff.verification_failed', 'handoff.case_flag', 'handoff.system_unavailable',
  'handoff.queued', 'handoff.queue_update', 'handoff.already_queued', 'handoff.kept', 'handoff.queued_closed', 'handoff.after_hours_offer', 'handoff.timeout_offer', 'handoff.nobody_free', 'handoff.nobody_free_again', 'handoff.queue_staffed',
  'handoff.interpreter', 'handoff.interpreter_barrier', 'handoff.in_writing', 'handoff.crisis_in_writing', 'handoff.hardship_meanwhile', 'handoff.cancelled', 'handoff.cancelled_call', 'handoff.thanks_waiting', 'handoff.no_need_to_call', 'handoff.no_need_to_call_closed', 'handoff.complaint_how_long', 'handoff.crisis_stays', 'handoff.accepted', 'handoff.released', 'handoff.closed', 'handoff.transferred', 'handoff.requeued',
  'case.code_sent', 'case.code_unavailable', 'case.reprompt_code', 'case.code_wrong', 'code.sms',
  'link.code', 'link.unavailable', 'link.done', 'link.invalid',
  'feedback.ask', 'feedback.thanks', 'feedback.thanks_words', 'feedback.thanks_low', 'feedback.skipped', 'feedback.comment_thanks', 'feedback.comment_thanks_complaint', 'feedback.comment_thanks_low',
  'hours.open_now', 'hours.closed_now', 'hours.today_open', 'hours.today_closed', 'hours.day_open', 'hours.day_closed', 'hours.next', 'hours.evening_closed', 'hours.evening_closed_today', 'hours.why',
  'desk.open_now', 'desk.closed_now', 'desk.today_open', 'desk.today_closed', 'desk.day_open', 'desk.day_closed', 'desk.next', 'desk.evening_closed', 'desk.evening_closed_today',
  'concern.ask', 'concern.line', 'concern.why', 'concern.fine',
  'suggest.ask', 'help.capabilities', 'help.go_ahead', 'help.greeting_after_welcome', 'help.go_ahead_about', 'help.letter', 'help.not_here', 'help.form', 'payment.not_paid', 'payment.checked', 'payment.why_not_paid', 'payment.stop_unexplained', 'help.details_not_here', 'help.address_not_here', 'help.objection_about', 'help.no_person', 'help.person_offer_again', 'help.stop_after_help', 'answer.same_again', 'answer.follow_up_unknown', 'answer.also_for_what', 'answer.next_step_unknown', 'answer.speed_up_unknown', 'answer.not_clear', 'answer.time_in_answer', 'answer.on_topic', 'answer.time_not_in_answer', 'answer.time_unknown', 'answer.objecting_in_answer', 'answer.since_unknown', 'answer.also_how_long', 'help.ack', 'help.no_problem', 'help.take_your_time', 'help.who_am_i', 'help.what_is_this', 'why.capabilities', 'why.who_am_i', 'why.what_is_this', 'why.feedback', 'answer.after_death', 'why.after_death', 'why.not_needed', 'why.handoff_optional', 'help.nothing_to_cancel', 'help.language', 'help.language_in_flow', 'help.bare', 'privacy.bsn_not_needed',
  'callback.ask_phone', 'callback.later', 'callback.offer_again', 'callback.ask_phone_again', 'callback.reprompt_phone', 'callback.not_needed', 'callback.confirmed', 'callback.confirmed_at', 'callback.confirmed_time_closed', 'callback.declined_after_hours', 'callback.declined_timeout', 'callback.waiting_nobody', 'callback.waiting_place',
] as const;
