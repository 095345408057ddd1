import { formatMobile } from "@/lib/people/phone";

/** A tel: link and a WhatsApp link for a mobile stored as E.164. */
export function ContactLinks({
  mobile,
  whatsapp,
  callLabel,
  whatsappLabel,
}: {
  mobile: string | null;
  whatsapp: string | null;
  callLabel: string;
  whatsappLabel: string;
}) {
  if (!mobile && !whatsapp) return null;
  const wa = whatsapp ?? mobile;
  return (
    <span className="contacts">
      {mobile ? (
        <a href={`tel:${mobile}`} className="tel" aria-label={`${callLabel} ${formatMobile(mobile)}`}>
          {formatMobile(mobile)}
        </a>
      ) : null}
      {wa ? (
        <a href={`https://wa.me/${wa.replace(/^\+/, "")}`} className="wa" rel="noopener noreferrer" target="_blank">
          {whatsappLabel}
        </a>
      ) : null}
    </span>
  );
}
