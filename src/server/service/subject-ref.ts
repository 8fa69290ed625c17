import { ApiKeysError } from '../../core/errors'
import { isSubjectKind } from '../../core/types'
import type { SubjectRef } from '../stores/types'
import { checkSubject } from './list-params'

/**
 * Checks an owner: a subject id and its kind. A kind left out means `'user'`; a team's keys must
 * say `'team'`, since a user and a team may share an id and are different owners.
 */
export function checkSubjectRef(input: { subject: unknown; subjectKind?: unknown }): SubjectRef {
  const subject = checkSubject(input.subject)
  const subjectKind = input.subjectKind ?? 'user'
  if (!isSubjectKind(subjectKind)) throw new ApiKeysError('invalid_input', "The subject kind must be 'user' or 'team'.")
  return { subject, subjectKind }
}
