/**
 * "Mark reviewed" with the review's questions, where they apply (reviewQuestions.ts). Confirming
 * writes the answers as one dated line in the entry's notes and marks it reviewed through the form's
 * own save; a workload answer also completes the workload checks that are due on its changes.
 */
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Radio, RadioGroup, Text, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { recordWorkloadCheck } from '@domain/change';
import { usePracticeRecords } from '../../state/practiceRecords';
import { useRegisterData } from '../../state/registerData';
import type { ReviewQuestionsProps } from '../../components/entrySections';
import { answerProblems, changesForWorkload, notesWithReview, questionsFor, reviewNoteLine, type Answer, type QuestionId } from './reviewQuestions';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  surface: { maxWidth: '560px', width: 'calc(100vw - 16px)' },
});

export function ReviewQuestionsDialog(props: ReviewQuestionsProps) {
  const styles = useStyles();
  const { workspace, today } = useRegisterData();
  const { records, updateChange } = usePracticeRecords();
  const mine = (records?.changes ?? []).filter((stored) => stored.change.entryId === props.stored.id);
  const questions = questionsFor(props.draft, mine.map((stored) => stored.change), today);
  const [answers, setAnswers] = useState<Partial<Record<QuestionId, Answer>>>({});
  const [tried, setTried] = useState(false);
  const problems = answerProblems(questions, answers);
  const set = (id: QuestionId, patch: Partial<Answer>) =>
    setAnswers((current) => ({ ...current, [id]: { answer: '', detail: '', ...current[id], ...patch } }));

  const confirm = () => {
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    const workload = answers.workload;
    if (workload) {
      const due = new Set(changesForWorkload(props.draft, mine.map((stored) => stored.change), today).map((change) => change.key));
      const finding = workload.answer === 'yes' ? workload.detail.trim() : 'No change in workload found at the review.';
      // Best effort: the review itself is what the person asked for; a failed check stays due and is shown.
      for (const stored of mine.filter((item) => due.has(item.change.key))) {
        void updateChange(stored, (record) => recordWorkloadCheck(record, { on: today, by: workspace.me.displayName, finding, actionNeeded: workload.answer === 'yes' })).catch(() => undefined);
      }
    }
    props.onConfirm({ notes: notesWithReview(props.draft.notes, reviewNoteLine(questions, answers, today)) });
  };

  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_event, data) => (data.open || data.type === 'backdropClick' ? undefined : props.onCancel())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Review {props.draft.title || 'this service'}</DialogTitle>
          <DialogContent className={styles.form}>
            <Text>Answer each question, then mark the service reviewed. Your answers are added to the entry’s notes.</Text>
            {questions.map((question) => {
              const given = answers[question.id];
              const worrying = given?.answer === question.worrying;
              return (
                <div key={question.id} className={styles.form}>
                  <Field label={question.question} required validationMessage={tried && !worrying ? problems[question.id] : undefined}>
                    <RadioGroup layout="horizontal" value={given?.answer ?? ''} onChange={(_event, data) => set(question.id, { answer: data.value as 'yes' | 'no' })}>
                      <Radio value="yes" label="Yes" />
                      <Radio value="no" label="No" />
                    </RadioGroup>
                  </Field>
                  {worrying ? (
                    <Field label={question.followUp} required validationMessage={tried ? problems[question.id] : undefined}>
                      <Textarea value={given?.detail ?? ''} onChange={(_event, data) => set(question.id, { detail: data.value })} resize="vertical" />
                    </Field>
                  ) : null}
                </div>
              );
            })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm}>Mark reviewed</Button>
            <Button onClick={props.onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
