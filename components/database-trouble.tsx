import { getTranslations } from "next-intl/server";

/**
 * What every page shows while the database does not answer (app/layout.tsx renders it instead of
 * the page): a plain sentence in the user's language and a way to try again. No header, no account
 * name, no login form: the session is not known to have ended, only not to be checkable now.
 */
export async function DatabaseTrouble() {
  const t = await getTranslations("database");
  return (
    <main id="main" className="page">
      <div className="centered" role="alert">
        <h1>{t("unreachableTitle")}</h1>
        <p>{t("unreachable")}</p>
        {/* A plain link to the same page: a fresh request, nothing resent. */}
        <p>
          <a href="" className="button">
            {t("retry")}
          </a>
        </p>
      </div>
    </main>
  );
}
