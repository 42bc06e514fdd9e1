"""Contains all the data models used in inputs/outputs (each imported on first use)"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .call import Call
    from .call_page import CallPage
    from .call_page_response import CallPageResponse
    from .call_received_event import CallReceivedEvent
    from .call_received_payload import CallReceivedPayload
    from .call_received_payload_data_collected_type_0 import CallReceivedPayloadDataCollectedType0
    from .call_result import CallResult
    from .company import Company
    from .contact import Contact
    from .contact_activity import ContactActivity
    from .contact_created_event import ContactCreatedEvent
    from .contact_custom_properties_type_0 import ContactCustomPropertiesType0
    from .contact_engagement_type_0 import ContactEngagementType0
    from .contact_integration_data_type_0 import ContactIntegrationDataType0
    from .contact_page import ContactPage
    from .contact_page_response import ContactPageResponse
    from .contact_payload import ContactPayload
    from .contact_response import ContactResponse
    from .contact_updated_event import ContactUpdatedEvent
    from .conversation_call import ConversationCall
    from .conversation_entry import ConversationEntry
    from .conversation_entry_type import ConversationEntryType
    from .conversation_message import ConversationMessage
    from .conversation_page import ConversationPage
    from .conversation_page_response import ConversationPageResponse
    from .create_contact_request import CreateContactRequest
    from .create_webhook_request import CreateWebhookRequest
    from .created_webhook import CreatedWebhook
    from .created_webhook_response import CreatedWebhookResponse
    from .direction import Direction
    from .error_body import ErrorBody
    from .error_detail import ErrorDetail
    from .error_object import ErrorObject
    from .ivr_result import IvrResult
    from .pagination_info import PaginationInfo
    from .pagination_metadata import PaginationMetadata
    from .phone_number import PhoneNumber
    from .phone_number_list_response import PhoneNumberListResponse
    from .ping_event import PingEvent
    from .ping_payload import PingPayload
    from .send_sms_france_request import SendSmsFranceRequest
    from .send_sms_from_number_request import SendSmsFromNumberRequest
    from .sent_sms import SentSms
    from .sent_sms_response import SentSmsResponse
    from .sms_payload import SmsPayload
    from .sms_received_event import SmsReceivedEvent
    from .sms_sent_event import SmsSentEvent
    from .sms_type import SmsType
    from .transcript_entry import TranscriptEntry
    from .transcript_source import TranscriptSource
    from .transcription_line import TranscriptionLine
    from .transfer_party import TransferParty
    from .update_contact_request import UpdateContactRequest
    from .update_contact_request_addresses_item import UpdateContactRequestAddressesItem
    from .webhook import Webhook
    from .webhook_list_response import WebhookListResponse
    from .webhook_topic import WebhookTopic

_MODULE_OF = {
    "Call": ".call",
    "CallPage": ".call_page",
    "CallPageResponse": ".call_page_response",
    "CallReceivedEvent": ".call_received_event",
    "CallReceivedPayload": ".call_received_payload",
    "CallReceivedPayloadDataCollectedType0": ".call_received_payload_data_collected_type_0",
    "CallResult": ".call_result",
    "Company": ".company",
    "Contact": ".contact",
    "ContactActivity": ".contact_activity",
    "ContactCreatedEvent": ".contact_created_event",
    "ContactCustomPropertiesType0": ".contact_custom_properties_type_0",
    "ContactEngagementType0": ".contact_engagement_type_0",
    "ContactIntegrationDataType0": ".contact_integration_data_type_0",
    "ContactPage": ".contact_page",
    "ContactPageResponse": ".contact_page_response",
    "ContactPayload": ".contact_payload",
    "ContactResponse": ".contact_response",
    "ContactUpdatedEvent": ".contact_updated_event",
    "ConversationCall": ".conversation_call",
    "ConversationEntry": ".conversation_entry",
    "ConversationEntryType": ".conversation_entry_type",
    "ConversationMessage": ".conversation_message",
    "ConversationPage": ".conversation_page",
    "ConversationPageResponse": ".conversation_page_response",
    "CreateContactRequest": ".create_contact_request",
    "CreateWebhookRequest": ".create_webhook_request",
    "CreatedWebhook": ".created_webhook",
    "CreatedWebhookResponse": ".created_webhook_response",
    "Direction": ".direction",
    "ErrorBody": ".error_body",
    "ErrorDetail": ".error_detail",
    "ErrorObject": ".error_object",
    "IvrResult": ".ivr_result",
    "PaginationInfo": ".pagination_info",
    "PaginationMetadata": ".pagination_metadata",
    "PhoneNumber": ".phone_number",
    "PhoneNumberListResponse": ".phone_number_list_response",
    "PingEvent": ".ping_event",
    "PingPayload": ".ping_payload",
    "SendSmsFranceRequest": ".send_sms_france_request",
    "SendSmsFromNumberRequest": ".send_sms_from_number_request",
    "SentSms": ".sent_sms",
    "SentSmsResponse": ".sent_sms_response",
    "SmsPayload": ".sms_payload",
    "SmsReceivedEvent": ".sms_received_event",
    "SmsSentEvent": ".sms_sent_event",
    "SmsType": ".sms_type",
    "TranscriptEntry": ".transcript_entry",
    "TranscriptSource": ".transcript_source",
    "TranscriptionLine": ".transcription_line",
    "TransferParty": ".transfer_party",
    "UpdateContactRequest": ".update_contact_request",
    "UpdateContactRequestAddressesItem": ".update_contact_request_addresses_item",
    "Webhook": ".webhook",
    "WebhookListResponse": ".webhook_list_response",
    "WebhookTopic": ".webhook_topic",
}


if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt model name stays an error for them

    def __getattr__(name: str) -> Any:
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "Call",
    "CallPage",
    "CallPageResponse",
    "CallReceivedEvent",
    "CallReceivedPayload",
    "CallReceivedPayloadDataCollectedType0",
    "CallResult",
    "Company",
    "Contact",
    "ContactActivity",
    "ContactCreatedEvent",
    "ContactCustomPropertiesType0",
    "ContactEngagementType0",
    "ContactIntegrationDataType0",
    "ContactPage",
    "ContactPageResponse",
    "ContactPayload",
    "ContactResponse",
    "ContactUpdatedEvent",
    "ConversationCall",
    "ConversationEntry",
    "ConversationEntryType",
    "ConversationMessage",
    "ConversationPage",
    "ConversationPageResponse",
    "CreateContactRequest",
    "CreatedWebhook",
    "CreatedWebhookResponse",
    "CreateWebhookRequest",
    "Direction",
    "ErrorBody",
    "ErrorDetail",
    "ErrorObject",
    "IvrResult",
    "PaginationInfo",
    "PaginationMetadata",
    "PhoneNumber",
    "PhoneNumberListResponse",
    "PingEvent",
    "PingPayload",
    "SendSmsFranceRequest",
    "SendSmsFromNumberRequest",
    "SentSms",
    "SentSmsResponse",
    "SmsPayload",
    "SmsReceivedEvent",
    "SmsSentEvent",
    "SmsType",
    "TranscriptEntry",
    "TranscriptionLine",
    "TranscriptSource",
    "TransferParty",
    "UpdateContactRequest",
    "UpdateContactRequestAddressesItem",
    "Webhook",
    "WebhookListResponse",
    "WebhookTopic",
)
