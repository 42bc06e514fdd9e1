// How a TypeScript team uses the types generated from openapi/withallo.yaml (`make ts-types` writes them to
// build/ts/withallo.d.ts, then type-checks this file with `tsc --noEmit -p interop/typescript`).
// If a spec change breaks this file, it breaks every TypeScript consumer the same way.
import type { components, operations, webhooks } from "../../build/ts/withallo";

type Schemas = components["schemas"];

/** The JSON body of `POST /sms` from one of your Allo numbers. */
export function sendSmsRequest(from: string, to: string, message: string): Schemas["SendSmsFromNumberRequest"] {
  return { from, to, message };
}

/** The operation's request body accepts both shapes: from an Allo number, or (France) from a Sender ID. */
export const bodies: operations["sendSms"]["requestBody"]["content"]["application/json"][] = [
  sendSmsRequest("+14155550123", "+14155550199", "Your delivery is booked for Thursday morning."),
  { sender_id: "MyCompany", to: "+33612345678", message: "Votre livraison est prévue jeudi matin." },
];

/** What the 200 response carries: the message accepted for delivery, in the `data` envelope. */
export function sentTo(response: Schemas["SentSmsResponse"]): string {
  return response.data.to_number;
}

/** The body Allo POSTs to a CALL_RECEIVED webhook. */
type CallReceived = webhooks["CALL_RECEIVED"]["post"]["requestBody"]["content"]["application/json"];

/** Reads a CALL_RECEIVED payload: who called whom, for how long, and what was said. */
export function describeCall(event: CallReceived): string {
  const call: Schemas["CallReceivedPayload"] = event.data;
  const caller = call.from_name ?? call.from_number ?? "an unknown caller";
  const minutes = call.length_in_minutes ?? 0;
  const transcript = (call.transcriptions ?? []).map((line) => `${line.source ?? "?"}: ${line.text ?? ""}`);
  const transferredTo = call.transfer_to?.user_email ?? null;
  return [
    `${event.topic} ${call.id}: ${caller} -> ${call.to ?? "?"} (${minutes.toFixed(1)} min, ${call.result ?? "unknown"})`,
    ...transcript,
    transferredTo === null ? "not transferred" : `transferred to ${transferredTo}`,
  ].join("\n");
}

export const example: CallReceived = {
  topic: "CALL_RECEIVED",
  data: {
    id: "call-7Hq2LmX9",
    from_number: "+14155550199",
    from_name: "Jane Cooper",
    to: "+14155550123",
    length_in_minutes: 2.5,
    result: "ANSWERED",
    transcriptions: [{ source: "EXTERNAL", time: "00:00:02", text: "Hi, I need to move my delivery." }],
  },
};
