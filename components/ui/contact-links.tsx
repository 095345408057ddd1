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
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
            <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
          </svg>
          <span>
            {callLabel} <span className="num">{formatMobile(mobile)}</span>
          </span>
        </a>
      ) : null}
      {wa ? (
        <a href={`https://wa.me/${wa.replace(/^\+/, "")}`} className="wa" rel="noopener noreferrer" target="_blank">
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
            <path d="M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm0 18a8 8 0 0 1-4.1-1.1l-.3-.2-3 .8.8-2.9-.2-.3A8 8 0 1 1 12 20zm4.4-6c-.2-.1-1.4-.7-1.6-.8s-.4-.1-.5.1-.6.8-.8.9-.3.2-.5 0a6.6 6.6 0 0 1-3.3-2.9c-.2-.4.2-.4.7-1.3a.4.4 0 0 0 0-.4l-.7-1.8c-.2-.5-.4-.4-.5-.4h-.5a.9.9 0 0 0-.7.3 2.8 2.8 0 0 0-.9 2.1 4.9 4.9 0 0 0 1 2.6 11.2 11.2 0 0 0 4.3 3.8c1.6.7 2.2.7 3 .6a2.5 2.5 0 0 0 1.7-1.2 2 2 0 0 0 .1-1.2c0-.1-.2-.2-.4-.3z" />
          </svg>
          {whatsappLabel}
        </a>
      ) : null}
    </span>
  );
}
