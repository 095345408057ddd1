import { useTranslations } from "next-intl";

/**
 * The second step of a change that removes someone: the question, a confirming submit of the same
 * form (confirmed=1) and a way back that changes nothing. The action returned code "confirm", so
 * this is server-rendered too when the JavaScript has not arrived.
 */
export function ConfirmStep({ question, yes, cancelHref, pending }: { question: string; yes: string; cancelHref: string; pending: boolean }) {
  const t = useTranslations("roster");
  return (
    <div className="confirm-step" role="group" aria-labelledby="confirm-question">
      <input type="hidden" name="confirmed" value="1" />
      <p id="confirm-question" className="confirm-question" role="alert">
        {question}
      </p>
      <div className="confirm-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : yes}
        </button>
        {/* A plain link: a fresh page, nothing sent. */}
        <a href={cancelHref} className="button button-secondary">
          {t("cancel")}
        </a>
      </div>
    </div>
  );
}
