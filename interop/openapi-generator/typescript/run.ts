// Every operation of the typescript-fetch client that OpenAPI Generator makes from openapi/withallo.yaml, run
// against a served fake Allo: `node run.js <base URL> <API key>` prints what the client read, as one JSON object.
// tests/interop/test_openapi_generator.py runs it and checks the output and the requests the fake received.
import {
  CallsApi,
  Configuration,
  ContactsApi,
  ErrorBodyFromJSON,
  PhoneNumbersApi,
  ResponseError,
  SMSApi,
  WebhooksApi,
  WebhookTopic,
} from "../../../build/openapi-generator/typescript";

declare const process: { argv: string[]; exitCode?: number };

async function errorOf(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ResponseError) {
      const body = ErrorBodyFromJSON(await error.response.json());
      return { status: error.response.status, code: body.code ?? null, details: body.details ?? null, error: body.error ?? null };
    }
    throw error;
  }
  throw new Error("expected an error response");
}

async function main(baseUrl: string, apiKey: string): Promise<Record<string, unknown>> {
  const config = new Configuration({ basePath: baseUrl, apiKey });
  const numbersApi = new PhoneNumbersApi(config);
  const webhooksApi = new WebhooksApi(config);
  const callsApi = new CallsApi(config);
  const contactsApi = new ContactsApi(config);
  const smsApi = new SMSApi(config);
  const out: Record<string, unknown> = {};

  const numbers = (await numbersApi.listPhoneNumbers()).data;
  out.listPhoneNumbers = numbers.map((n) => [n.number, n.country]);
  const own = numbers[0].number;

  const created = (
    await webhooksApi.createWebhook({
      createWebhookRequest: {
        allo_number: own,
        url: "https://crm.example.com/hooks/allo",
        topics: [WebhookTopic.CallReceived, WebhookTopic.SmsReceived],
      },
    })
  ).data;
  const webhookId = created.id;
  if (webhookId === undefined) throw new Error("createWebhook answered no id");
  out.createWebhook = [webhookId, created.alloNumber, created.topics];
  out.listWebhooks = (await webhooksApi.listWebhooks()).data.map((w) => [w.id, w.allo_number, w.enabled]);
  await webhooksApi.deleteWebhook({ webhookId });
  out.deleteWebhook = (await webhooksApi.listWebhooks()).data.length;
  out.deleteWebhookAgain = await errorOf(webhooksApi.deleteWebhook({ webhookId }));

  const calls = (await callsApi.searchCalls({ alloNumber: own, page: 1, size: 3 })).data;
  out.searchCalls = [calls.results.map((c) => [c.id, c.type, c.result]), calls.metadata?.pagination?.total_pages ?? null];

  const contact = (
    await contactsApi.createContact({
      createContactRequest: { numbers: ["+14155550177"], name: "Ada", last_name: "Byron", company: "Acme" },
    })
  ).data;
  out.createContact = [contact.id, contact.name, contact.last_name, contact.company?.name ?? null];
  const updated = (
    await contactsApi.updateContact({ contactId: contact.id, updateContactRequest: { last_name: "Lovelace" } })
  ).data;
  out.updateContact = [updated.name, updated.last_name];
  const fetched = (await contactsApi.getContact({ contactId: contact.id })).data;
  out.getContact = [fetched.id, fetched.last_name, fetched.numbers];
  const contacts = (await contactsApi.searchContacts({ page: 0, size: 5 })).data;
  out.searchContacts = [contacts.results.map((c) => c.id), contacts.metadata?.pagination?.total_pages ?? null];

  const sms = (
    await smsApi.sendSms({ sendSmsRequest: { from: own, to: "+14155550177", message: "Booked for Thursday." } })
  ).data;
  out.sendSms = [sms.from_number, sms.to_number, sms.content];
  const france = (
    await smsApi.sendSms({ sendSmsRequest: { sender_id: "MyCompany", to: "+33612345678", message: "Confirmé." } })
  ).data;
  out.sendSmsFrance = [france.sender_id, france.from_number ?? null, france.to_number];
  out.sendSmsRefused = await errorOf(
    smsApi.sendSms({ sendSmsRequest: { sender_id: "NotApproved", to: "+33612345678", message: "Bonjour" } }),
  );

  const conversation = (await contactsApi.searchContactConversation({ contactId: contact.id, size: 5 })).data;
  out.searchContactConversation = conversation.results.map((e) => [e.type, e.message?.content ?? null]);
  return out;
}

main(process.argv[2], process.argv[3]).then(
  (out) => console.log(JSON.stringify(out)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
