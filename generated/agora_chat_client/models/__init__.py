"""Contains all the data models used in inputs/outputs"""

from .attribute_envelope import AttributeEnvelope
from .chat_type import ChatType
from .chatroom import Chatroom
from .chatroom_attribute_errors import ChatroomAttributeErrors
from .chatroom_attribute_map import ChatroomAttributeMap
from .chatroom_attribute_values import ChatroomAttributeValues
from .chatroom_attributes_delete_request import ChatroomAttributesDeleteRequest
from .chatroom_attributes_delete_response import ChatroomAttributesDeleteResponse
from .chatroom_attributes_get_request import ChatroomAttributesGetRequest
from .chatroom_attributes_get_response import ChatroomAttributesGetResponse
from .chatroom_attributes_result import ChatroomAttributesResult
from .chatroom_attributes_set_request import ChatroomAttributesSetRequest
from .chatroom_attributes_write_response import ChatroomAttributesWriteResponse
from .chatroom_create_request import ChatroomCreateRequest
from .chatroom_create_response import ChatroomCreateResponse
from .chatroom_created import ChatroomCreated
from .chatroom_delete_response import ChatroomDeleteResponse
from .chatroom_deleted import ChatroomDeleted
from .chatroom_details_response import ChatroomDetailsResponse
from .chatroom_envelope import ChatroomEnvelope
from .chatroom_members_add_request import ChatroomMembersAddRequest
from .chatroom_members_add_response import ChatroomMembersAddResponse
from .chatroom_members_remove_response import ChatroomMembersRemoveResponse
from .chatroom_members_response import ChatroomMembersResponse
from .chatroom_membership_response import ChatroomMembershipResponse
from .display_style import DisplayStyle
from .display_style_string import DisplayStyleString
from .error_response import ErrorResponse
from .grant_type import GrantType
from .inherit_token_request import InheritTokenRequest
from .member_affiliation import MemberAffiliation
from .member_removal import MemberRemoval
from .member_removal_action import MemberRemovalAction
from .members_added import MembersAdded
from .members_added_action import MembersAddedAction
from .membership_action import MembershipAction
from .membership_result import MembershipResult
from .notification_setting import NotificationSetting
from .notification_setting_request import NotificationSettingRequest
from .notification_setting_response import NotificationSettingResponse
from .owner_affiliation import OwnerAffiliation
from .page_params import PageParams
from .password_token_request import PasswordTokenRequest
from .push_binding import PushBinding
from .push_binding_request import PushBindingRequest
from .push_bindings_response import PushBindingsResponse
from .push_language import PushLanguage
from .push_language_request import PushLanguageRequest
from .push_language_response import PushLanguageResponse
from .push_mode import PushMode
from .push_nickname_item import PushNicknameItem
from .push_nicknames_response import PushNicknamesResponse
from .push_profile_request import PushProfileRequest
from .push_template import PushTemplate
from .push_template_request import PushTemplateRequest
from .push_template_response import PushTemplateResponse
from .receiver_push_template import ReceiverPushTemplate
from .receiver_push_template_request import ReceiverPushTemplateRequest
from .receiver_push_template_response import ReceiverPushTemplateResponse
from .register_users_response import RegisterUsersResponse
from .registration_failure import RegistrationFailure
from .service_envelope import ServiceEnvelope
from .token_request import TokenRequest
from .token_response import TokenResponse
from .user import User
from .user_entities_response import UserEntitiesResponse
from .user_entity_type import UserEntityType
from .user_registration import UserRegistration
from .user_token_response import UserTokenResponse

__all__ = (
    "AttributeEnvelope",
    "Chatroom",
    "ChatroomAttributeErrors",
    "ChatroomAttributeMap",
    "ChatroomAttributesDeleteRequest",
    "ChatroomAttributesDeleteResponse",
    "ChatroomAttributesGetRequest",
    "ChatroomAttributesGetResponse",
    "ChatroomAttributesResult",
    "ChatroomAttributesSetRequest",
    "ChatroomAttributesWriteResponse",
    "ChatroomAttributeValues",
    "ChatroomCreated",
    "ChatroomCreateRequest",
    "ChatroomCreateResponse",
    "ChatroomDeleted",
    "ChatroomDeleteResponse",
    "ChatroomDetailsResponse",
    "ChatroomEnvelope",
    "ChatroomMembersAddRequest",
    "ChatroomMembersAddResponse",
    "ChatroomMembershipResponse",
    "ChatroomMembersRemoveResponse",
    "ChatroomMembersResponse",
    "ChatType",
    "DisplayStyle",
    "DisplayStyleString",
    "ErrorResponse",
    "GrantType",
    "InheritTokenRequest",
    "MemberAffiliation",
    "MemberRemoval",
    "MemberRemovalAction",
    "MembersAdded",
    "MembersAddedAction",
    "MembershipAction",
    "MembershipResult",
    "NotificationSetting",
    "NotificationSettingRequest",
    "NotificationSettingResponse",
    "OwnerAffiliation",
    "PageParams",
    "PasswordTokenRequest",
    "PushBinding",
    "PushBindingRequest",
    "PushBindingsResponse",
    "PushLanguage",
    "PushLanguageRequest",
    "PushLanguageResponse",
    "PushMode",
    "PushNicknameItem",
    "PushNicknamesResponse",
    "PushProfileRequest",
    "PushTemplate",
    "PushTemplateRequest",
    "PushTemplateResponse",
    "ReceiverPushTemplate",
    "ReceiverPushTemplateRequest",
    "ReceiverPushTemplateResponse",
    "RegisterUsersResponse",
    "RegistrationFailure",
    "ServiceEnvelope",
    "TokenRequest",
    "TokenResponse",
    "User",
    "UserEntitiesResponse",
    "UserEntityType",
    "UserRegistration",
    "UserTokenResponse",
)
