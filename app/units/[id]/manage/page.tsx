import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/session";
import { getUnitForManage } from "@/lib/data/manage";
import { localName } from "@/lib/i18n/names";
import { AddChildForm, MoveForm, RenameForm, WhatsappForm } from "./_components/structure-forms";
import { isRowIdText } from "@/lib/validation/row-id";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const unit = isRowIdText(raw) ? await getUnitForManage(viewer, Number(raw)) : null;
  if (!unit) notFound();
  return unit;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [unit, t, locale] = await Promise.all([load(params), getTranslations("structure"), getLocale()]);
  return { title: t("manageTitle", { unit: localName(locale, unit) }) };
}

export default async function ManageUnitPage({ params }: { params: Params }) {
  const [unit, t, locale, messages] = await Promise.all([load(params), getTranslations(), getLocale(), getMessages()]);
  return (
    <>
      <p>
        <a href={`/units/${unit.id}`}>← {localName(locale, unit)}</a>
      </p>
      <h1>{t("structure.manageTitle", { unit: localName(locale, unit) })}</h1>
      <NextIntlClientProvider messages={{ structure: messages.structure }}>
        <section aria-labelledby="rename-heading" className="manage-section">
          <h2 id="rename-heading">{t("structure.renameTitle")}</h2>
          <RenameForm unit={unit} />
        </section>
        <section aria-labelledby="whatsapp-heading" className="manage-section">
          <h2 id="whatsapp-heading">{t("structure.whatsappTitle")}</h2>
          <WhatsappForm unitId={unit.id} url={unit.whatsappUrl} />
        </section>
        {unit.childLevel ? (
          <section aria-labelledby="add-heading" className="manage-section">
            <h2 id="add-heading">{t("structure.addTitle", { level: t(`levels.${unit.childLevel}`), levelKey: unit.childLevel })}</h2>
            <AddChildForm parentId={unit.id} />
          </section>
        ) : null}
        {unit.moveTargets ? (
          <section aria-labelledby="move-heading" className="manage-section">
            <h2 id="move-heading">{t("structure.moveTitle")}</h2>
            {unit.moveTargets.length > 0 ? (
              <MoveForm
                unitId={unit.id}
                targets={unit.moveTargets.map((u) => ({ id: u.id, label: `${u.code ? `${u.code} · ` : ""}${localName(locale, u)}` }))}
              />
            ) : (
              <p className="empty">{t("structure.noCandidates")}</p>
            )}
          </section>
        ) : null}
      </NextIntlClientProvider>
    </>
  );
}
