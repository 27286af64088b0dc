"""Contains all the data models used in inputs/outputs"""

from .abolished_out import AbolishedOut
from .account_create import AccountCreate
from .account_info import AccountInfo
from .account_out import AccountOut
from .activity_report_create import ActivityReportCreate
from .activity_report_out import ActivityReportOut
from .activity_report_out_details import ActivityReportOutDetails
from .alert_out import AlertOut
from .alert_out_code import AlertOutCode
from .alert_out_detail import AlertOutDetail
from .alert_out_severity import AlertOutSeverity
from .alert_resolve import AlertResolve
from .attachment_out import AttachmentOut
from .attempt_out import AttemptOut
from .audit_entry_out import AuditEntryOut
from .audit_package import AuditPackage
from .audit_v1_reports_projects_project_id_audit_package_get_format import (
    AuditV1ReportsProjectsProjectIdAuditPackageGetFormat,
)
from .body_token_v1_auth_token_post import BodyTokenV1AuthTokenPost
from .body_upload_attachment_v1_budget_expenses_expense_id_attachments_post import (
    BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
)
from .budget_cofunding_input import BudgetCofundingInput
from .budget_cofunding_output import BudgetCofundingOutput
from .budget_event import BudgetEvent
from .budget_event_feed import BudgetEventFeed
from .budget_event_payload import BudgetEventPayload
from .budget_phaen_budget_grants_schemas_line_out import BudgetPhaenBudgetGrantsSchemasLineOut
from .budget_phaen_budget_statements_schemas_line_out import BudgetPhaenBudgetStatementsSchemasLineOut
from .budget_phaen_budget_statements_schemas_line_out_matched_by_type_0 import (
    BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0,
)
from .budget_phaen_budget_statements_schemas_line_out_status import BudgetPhaenBudgetStatementsSchemasLineOutStatus
from .budget_statement import BudgetStatement
from .budget_statement_v1_reports_reconcile_budget_statement_post_format import (
    BudgetStatementV1ReportsReconcileBudgetStatementPostFormat,
)
from .budget_voucher import BudgetVoucher
from .cancel_body import CancelBody
from .category_row import CategoryRow
from .checked_head_out import CheckedHeadOut
from .checked_head_out_source import CheckedHeadOutSource
from .checklist_item import ChecklistItem
from .client_create import ClientCreate
from .client_created import ClientCreated
from .client_public import ClientPublic
from .committee_in import CommitteeIn
from .committee_in_level import CommitteeInLevel
from .committee_in_region_type_0 import CommitteeInRegionType0
from .committee_out import CommitteeOut
from .committee_out_level import CommitteeOutLevel
from .committee_out_region_type_0 import CommitteeOutRegionType0
from .committee_patch import CommitteePatch
from .computed import Computed
from .computed_line import ComputedLine
from .computed_totals import ComputedTotals
from .coverage import Coverage
from .coverage_row import CoverageRow
from .coverage_v1_reports_coverage_get_format import CoverageV1ReportsCoverageGetFormat
from .criteria import Criteria
from .decision import Decision
from .decision_body import DecisionBody
from .decision_decision import DecisionDecision
from .delivery_log import DeliveryLog
from .delivery_out import DeliveryOut
from .delivery_out_body import DeliveryOutBody
from .deposit_create import DepositCreate
from .deposit_create_kind import DepositCreateKind
from .device_key_create import DeviceKeyCreate
from .device_key_list import DeviceKeyList
from .device_key_out import DeviceKeyOut
from .directory_answer import DirectoryAnswer
from .directory_user import DirectoryUser
from .discrepancy import Discrepancy
from .district_out import DistrictOut
from .district_out_region import DistrictOutRegion
from .entry_out import EntryOut
from .entry_out_fund import EntryOutFund
from .entry_out_kind import EntryOutKind
from .expense_create import ExpenseCreate
from .expense_create_category import ExpenseCreateCategory
from .expense_out import ExpenseOut
from .expense_out_evidence import ExpenseOutEvidence
from .expense_out_evidence_kind import ExpenseOutEvidenceKind
from .expense_out_flags_item import ExpenseOutFlagsItem
from .expense_out_status import ExpenseOutStatus
from .expense_summary import ExpenseSummary
from .expense_summary_v1_reports_projects_project_id_expense_summary_get_format import (
    ExpenseSummaryV1ReportsProjectsProjectIdExpenseSummaryGetFormat,
)
from .facilitator_in import FacilitatorIn
from .facilitator_in_level import FacilitatorInLevel
from .facilitator_out import FacilitatorOut
from .facilitator_out_level import FacilitatorOutLevel
from .facilitator_patch import FacilitatorPatch
from .facilitator_patch_level_type_0 import FacilitatorPatchLevelType0
from .facilitator_row import FacilitatorRow
from .facilitators import Facilitators
from .facilitators_v1_reports_facilitators_get_format import FacilitatorsV1ReportsFacilitatorsGetFormat
from .fee_create import FeeCreate
from .finding_out import FindingOut
from .finding_out_code import FindingOutCode
from .fiscal_period import FiscalPeriod
from .freshness import Freshness
from .grant_create import GrantCreate
from .grant_info import GrantInfo
from .grant_out import GrantOut
from .grant_totals import GrantTotals
from .head_out import HeadOut
from .import_report import ImportReport
from .import_row import ImportRow
from .import_row_action_type_0 import ImportRowActionType0
from .import_row_status import ImportRowStatus
from .item import Item
from .jwks_v1_auth_jwks_json_get_response_jwks_v1_auth_jwks_json_get import (
    JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet,
)
from .key_rotated import KeyRotated
from .ledger_miss import LedgerMiss
from .line_create import LineCreate
from .list_alerts_v1_budget_alerts_get_code_type_0 import ListAlertsV1BudgetAlertsGetCodeType0
from .list_committees_v1_registry_committees_get_level_type_0 import ListCommitteesV1RegistryCommitteesGetLevelType0
from .list_committees_v1_registry_committees_get_region_type_0 import ListCommitteesV1RegistryCommitteesGetRegionType0
from .list_expenses_v1_budget_expenses_get_flag_type_0 import ListExpensesV1BudgetExpensesGetFlagType0
from .list_expenses_v1_budget_expenses_get_status_type_0 import ListExpensesV1BudgetExpensesGetStatusType0
from .list_facilitators_v1_registry_facilitators_get_level_type_0 import (
    ListFacilitatorsV1RegistryFacilitatorsGetLevelType0,
)
from .list_facilitators_v1_registry_facilitators_get_region_type_0 import (
    ListFacilitatorsV1RegistryFacilitatorsGetRegionType0,
)
from .list_people_v1_registry_people_get_region_type_0 import ListPeopleV1RegistryPeopleGetRegionType0
from .list_projects_v1_budget_projects_get_level_type_0 import ListProjectsV1BudgetProjectsGetLevelType0
from .list_projects_v1_budget_projects_get_status_type_0 import ListProjectsV1BudgetProjectsGetStatusType0
from .list_proposals_v1_budget_proposals_get_route_type_0 import ListProposalsV1BudgetProposalsGetRouteType0
from .list_proposals_v1_budget_proposals_get_status_type_0 import ListProposalsV1BudgetProposalsGetStatusType0
from .list_provinces_v1_registry_provinces_get_region_type_0 import ListProvincesV1RegistryProvincesGetRegionType0
from .list_tambons_v1_registry_tambons_get_region_type_0 import ListTambonsV1RegistryTambonsGetRegionType0
from .list_tambons_v1_registry_tambons_get_tier_type_0 import ListTambonsV1RegistryTambonsGetTierType0
from .list_users_v1_auth_users_get_region_type_0 import ListUsersV1AuthUsersGetRegionType0
from .list_withdrawals_v1_budget_withdrawals_get_status_type_0 import ListWithdrawalsV1BudgetWithdrawalsGetStatusType0
from .list_zones_v1_registry_zones_get_region_type_0 import ListZonesV1RegistryZonesGetRegionType0
from .me import Me
from .me_region_type_0 import MeRegionType0
from .member_in import MemberIn
from .member_in_role import MemberInRole
from .member_out import MemberOut
from .member_out_role import MemberOutRole
from .member_patch import MemberPatch
from .member_patch_role_type_0 import MemberPatchRoleType0
from .monthly_statement import MonthlyStatement
from .monthly_v1_reports_accounts_account_id_monthly_get_format import MonthlyV1ReportsAccountsAccountIdMonthlyGetFormat
from .mou_in import MouIn
from .mou_out import MouOut
from .network_summary import NetworkSummary
from .network_summary_tier import NetworkSummaryTier
from .page_account_out import PageAccountOut
from .page_activity_report_out import PageActivityReportOut
from .page_alert_out import PageAlertOut
from .page_attachment_out import PageAttachmentOut
from .page_audit_entry_out import PageAuditEntryOut
from .page_client_public import PageClientPublic
from .page_committee_out import PageCommitteeOut
from .page_district_out import PageDistrictOut
from .page_entry_out import PageEntryOut
from .page_expense_out import PageExpenseOut
from .page_facilitator_out import PageFacilitatorOut
from .page_grant_out import PageGrantOut
from .page_member_out import PageMemberOut
from .page_mou_out import PageMouOut
from .page_partner_out import PagePartnerOut
from .page_person_out import PagePersonOut
from .page_project_out import PageProjectOut
from .page_proposal_out import PageProposalOut
from .page_province_out import PageProvinceOut
from .page_region_out import PageRegionOut
from .page_search_item import PageSearchItem
from .page_statement_summary import PageStatementSummary
from .page_subdistrict_out import PageSubdistrictOut
from .page_tambon_out import PageTambonOut
from .page_user_public import PageUserPublic
from .page_village_out import PageVillageOut
from .page_withdrawal_out import PageWithdrawalOut
from .page_zone_out import PageZoneOut
from .partner_in import PartnerIn
from .partner_out import PartnerOut
from .partner_patch import PartnerPatch
from .payout_create import PayoutCreate
from .pending_item import PendingItem
from .pending_out import PendingOut
from .person_in import PersonIn
from .person_link import PersonLink
from .person_out import PersonOut
from .person_patch import PersonPatch
from .plan_line import PlanLine
from .plan_totals import PlanTotals
from .plan_vs_actual import PlanVsActual
from .plan_vs_actual_v1_reports_plan_vs_actual_get_format import PlanVsActualV1ReportsPlanVsActualGetFormat
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .project_create import ProjectCreate
from .project_create_level import ProjectCreateLevel
from .project_create_region_type_0 import ProjectCreateRegionType0
from .project_info import ProjectInfo
from .project_out import ProjectOut
from .project_out_status import ProjectOutStatus
from .project_tranches import ProjectTranches
from .proposal_create import ProposalCreate
from .proposal_create_kind import ProposalCreateKind
from .proposal_out import ProposalOut
from .proposal_out_route import ProposalOutRoute
from .proposal_out_status import ProposalOutStatus
from .province_out import ProvinceOut
from .province_out_region import ProvinceOutRegion
from .reason import Reason
from .rebuild_result import RebuildResult
from .receipt import Receipt
from .reconciliation import Reconciliation
from .region_out import RegionOut
from .region_out_code import RegionOutCode
from .registry_event import RegistryEvent
from .registry_event_feed import RegistryEventFeed
from .registry_event_payload import RegistryEventPayload
from .release_body import ReleaseBody
from .reports_cofunding import ReportsCofunding
from .reports_voucher import ReportsVoucher
from .resolution import Resolution
from .resolve_item import ResolveItem
from .resolve_out import ResolveOut
from .revocations import Revocations
from .revocations_not_before import RevocationsNotBefore
from .search_item import SearchItem
from .search_item_level import SearchItemLevel
from .search_v1_registry_search_get_level_type_0 import SearchV1RegistrySearchGetLevelType0
from .secret_rotated import SecretRotated
from .sign_body import SignBody
from .signatory_change_out import SignatoryChangeOut
from .signatory_change_out_status import SignatoryChangeOutStatus
from .signatory_member import SignatoryMember
from .signatory_policy import SignatoryPolicy
from .signature_out import SignatureOut
from .signing_payload_out import SigningPayloadOut
from .source_rebuilt import SourceRebuilt
from .source_status import SourceStatus
from .stated_line import StatedLine
from .stated_totals import StatedTotals
from .statement_detail import StatementDetail
from .statement_detail_format import StatementDetailFormat
from .statement_entry import StatementEntry
from .statement_out import StatementOut
from .statement_out_format import StatementOutFormat
from .statement_summary import StatementSummary
from .statement_summary_format import StatementSummaryFormat
from .subdistrict_out import SubdistrictOut
from .subdistrict_out_region import SubdistrictOutRegion
from .subscription_created import SubscriptionCreated
from .subscription_in import SubscriptionIn
from .subscription_out import SubscriptionOut
from .sync_body import SyncBody
from .sync_item import SyncItem
from .sync_out import SyncOut
from .sync_result import SyncResult
from .tambon_in import TambonIn
from .tambon_in_tier import TambonInTier
from .tambon_out import TambonOut
from .tambon_out_tier import TambonOutTier
from .tier_change_out import TierChangeOut
from .tier_change_out_from_tier_type_0 import TierChangeOutFromTierType0
from .tier_change_out_to_tier import TierChangeOutToTier
from .tier_history import TierHistory
from .token_response import TokenResponse
from .tranche_block import TrancheBlock
from .tranche_out import TrancheOut
from .tranche_report import TrancheReport
from .tranche_state import TrancheState
from .tranches_v1_reports_tranches_get_format import TranchesV1ReportsTranchesGetFormat
from .tranches_v1_reports_tranches_get_region_type_0 import TranchesV1ReportsTranchesGetRegionType0
from .user_create import UserCreate
from .user_create_region_type_0 import UserCreateRegionType0
from .user_public import UserPublic
from .user_public_region_type_0 import UserPublicRegionType0
from .verify_out import VerifyOut
from .village_in import VillageIn
from .village_out import VillageOut
from .voucher_item import VoucherItem
from .voucher_v1_reports_expenses_expense_id_voucher_get_format import VoucherV1ReportsExpensesExpenseIdVoucherGetFormat
from .withdrawal_create import WithdrawalCreate
from .withdrawal_create_fund import WithdrawalCreateFund
from .withdrawal_out import WithdrawalOut
from .withdrawal_out_fund import WithdrawalOutFund
from .withdrawal_out_status import WithdrawalOutStatus
from .zone_in import ZoneIn
from .zone_in_region import ZoneInRegion
from .zone_out import ZoneOut
from .zone_out_region import ZoneOutRegion

__all__ = (
    "AbolishedOut",
    "AccountCreate",
    "AccountInfo",
    "AccountOut",
    "ActivityReportCreate",
    "ActivityReportOut",
    "ActivityReportOutDetails",
    "AlertOut",
    "AlertOutCode",
    "AlertOutDetail",
    "AlertOutSeverity",
    "AlertResolve",
    "AttachmentOut",
    "AttemptOut",
    "AuditEntryOut",
    "AuditPackage",
    "AuditV1ReportsProjectsProjectIdAuditPackageGetFormat",
    "BodyTokenV1AuthTokenPost",
    "BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost",
    "BudgetCofundingInput",
    "BudgetCofundingOutput",
    "BudgetEvent",
    "BudgetEventFeed",
    "BudgetEventPayload",
    "BudgetPhaenBudgetGrantsSchemasLineOut",
    "BudgetPhaenBudgetStatementsSchemasLineOut",
    "BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0",
    "BudgetPhaenBudgetStatementsSchemasLineOutStatus",
    "BudgetStatement",
    "BudgetStatementV1ReportsReconcileBudgetStatementPostFormat",
    "BudgetVoucher",
    "CancelBody",
    "CategoryRow",
    "CheckedHeadOut",
    "CheckedHeadOutSource",
    "ChecklistItem",
    "ClientCreate",
    "ClientCreated",
    "ClientPublic",
    "CommitteeIn",
    "CommitteeInLevel",
    "CommitteeInRegionType0",
    "CommitteeOut",
    "CommitteeOutLevel",
    "CommitteeOutRegionType0",
    "CommitteePatch",
    "Computed",
    "ComputedLine",
    "ComputedTotals",
    "Coverage",
    "CoverageRow",
    "CoverageV1ReportsCoverageGetFormat",
    "Criteria",
    "Decision",
    "DecisionBody",
    "DecisionDecision",
    "DeliveryLog",
    "DeliveryOut",
    "DeliveryOutBody",
    "DepositCreate",
    "DepositCreateKind",
    "DeviceKeyCreate",
    "DeviceKeyList",
    "DeviceKeyOut",
    "DirectoryAnswer",
    "DirectoryUser",
    "Discrepancy",
    "DistrictOut",
    "DistrictOutRegion",
    "EntryOut",
    "EntryOutFund",
    "EntryOutKind",
    "ExpenseCreate",
    "ExpenseCreateCategory",
    "ExpenseOut",
    "ExpenseOutEvidence",
    "ExpenseOutEvidenceKind",
    "ExpenseOutFlagsItem",
    "ExpenseOutStatus",
    "ExpenseSummary",
    "ExpenseSummaryV1ReportsProjectsProjectIdExpenseSummaryGetFormat",
    "FacilitatorIn",
    "FacilitatorInLevel",
    "FacilitatorOut",
    "FacilitatorOutLevel",
    "FacilitatorPatch",
    "FacilitatorPatchLevelType0",
    "FacilitatorRow",
    "Facilitators",
    "FacilitatorsV1ReportsFacilitatorsGetFormat",
    "FeeCreate",
    "FindingOut",
    "FindingOutCode",
    "FiscalPeriod",
    "Freshness",
    "GrantCreate",
    "GrantInfo",
    "GrantOut",
    "GrantTotals",
    "HeadOut",
    "ImportReport",
    "ImportRow",
    "ImportRowActionType0",
    "ImportRowStatus",
    "Item",
    "JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet",
    "KeyRotated",
    "LedgerMiss",
    "LineCreate",
    "ListAlertsV1BudgetAlertsGetCodeType0",
    "ListCommitteesV1RegistryCommitteesGetLevelType0",
    "ListCommitteesV1RegistryCommitteesGetRegionType0",
    "ListExpensesV1BudgetExpensesGetFlagType0",
    "ListExpensesV1BudgetExpensesGetStatusType0",
    "ListFacilitatorsV1RegistryFacilitatorsGetLevelType0",
    "ListFacilitatorsV1RegistryFacilitatorsGetRegionType0",
    "ListPeopleV1RegistryPeopleGetRegionType0",
    "ListProjectsV1BudgetProjectsGetLevelType0",
    "ListProjectsV1BudgetProjectsGetStatusType0",
    "ListProposalsV1BudgetProposalsGetRouteType0",
    "ListProposalsV1BudgetProposalsGetStatusType0",
    "ListProvincesV1RegistryProvincesGetRegionType0",
    "ListTambonsV1RegistryTambonsGetRegionType0",
    "ListTambonsV1RegistryTambonsGetTierType0",
    "ListUsersV1AuthUsersGetRegionType0",
    "ListWithdrawalsV1BudgetWithdrawalsGetStatusType0",
    "ListZonesV1RegistryZonesGetRegionType0",
    "Me",
    "MemberIn",
    "MemberInRole",
    "MemberOut",
    "MemberOutRole",
    "MemberPatch",
    "MemberPatchRoleType0",
    "MeRegionType0",
    "MonthlyStatement",
    "MonthlyV1ReportsAccountsAccountIdMonthlyGetFormat",
    "MouIn",
    "MouOut",
    "NetworkSummary",
    "NetworkSummaryTier",
    "PageAccountOut",
    "PageActivityReportOut",
    "PageAlertOut",
    "PageAttachmentOut",
    "PageAuditEntryOut",
    "PageClientPublic",
    "PageCommitteeOut",
    "PageDistrictOut",
    "PageEntryOut",
    "PageExpenseOut",
    "PageFacilitatorOut",
    "PageGrantOut",
    "PageMemberOut",
    "PageMouOut",
    "PagePartnerOut",
    "PagePersonOut",
    "PageProjectOut",
    "PageProposalOut",
    "PageProvinceOut",
    "PageRegionOut",
    "PageSearchItem",
    "PageStatementSummary",
    "PageSubdistrictOut",
    "PageTambonOut",
    "PageUserPublic",
    "PageVillageOut",
    "PageWithdrawalOut",
    "PageZoneOut",
    "PartnerIn",
    "PartnerOut",
    "PartnerPatch",
    "PayoutCreate",
    "PendingItem",
    "PendingOut",
    "PersonIn",
    "PersonLink",
    "PersonOut",
    "PersonPatch",
    "PlanLine",
    "PlanTotals",
    "PlanVsActual",
    "PlanVsActualV1ReportsPlanVsActualGetFormat",
    "Problem",
    "ProblemFieldError",
    "ProjectCreate",
    "ProjectCreateLevel",
    "ProjectCreateRegionType0",
    "ProjectInfo",
    "ProjectOut",
    "ProjectOutStatus",
    "ProjectTranches",
    "ProposalCreate",
    "ProposalCreateKind",
    "ProposalOut",
    "ProposalOutRoute",
    "ProposalOutStatus",
    "ProvinceOut",
    "ProvinceOutRegion",
    "Reason",
    "RebuildResult",
    "Receipt",
    "Reconciliation",
    "RegionOut",
    "RegionOutCode",
    "RegistryEvent",
    "RegistryEventFeed",
    "RegistryEventPayload",
    "ReleaseBody",
    "ReportsCofunding",
    "ReportsVoucher",
    "Resolution",
    "ResolveItem",
    "ResolveOut",
    "Revocations",
    "RevocationsNotBefore",
    "SearchItem",
    "SearchItemLevel",
    "SearchV1RegistrySearchGetLevelType0",
    "SecretRotated",
    "SignatoryChangeOut",
    "SignatoryChangeOutStatus",
    "SignatoryMember",
    "SignatoryPolicy",
    "SignatureOut",
    "SignBody",
    "SigningPayloadOut",
    "SourceRebuilt",
    "SourceStatus",
    "StatedLine",
    "StatedTotals",
    "StatementDetail",
    "StatementDetailFormat",
    "StatementEntry",
    "StatementOut",
    "StatementOutFormat",
    "StatementSummary",
    "StatementSummaryFormat",
    "SubdistrictOut",
    "SubdistrictOutRegion",
    "SubscriptionCreated",
    "SubscriptionIn",
    "SubscriptionOut",
    "SyncBody",
    "SyncItem",
    "SyncOut",
    "SyncResult",
    "TambonIn",
    "TambonInTier",
    "TambonOut",
    "TambonOutTier",
    "TierChangeOut",
    "TierChangeOutFromTierType0",
    "TierChangeOutToTier",
    "TierHistory",
    "TokenResponse",
    "TrancheBlock",
    "TrancheOut",
    "TrancheReport",
    "TrancheState",
    "TranchesV1ReportsTranchesGetFormat",
    "TranchesV1ReportsTranchesGetRegionType0",
    "UserCreate",
    "UserCreateRegionType0",
    "UserPublic",
    "UserPublicRegionType0",
    "VerifyOut",
    "VillageIn",
    "VillageOut",
    "VoucherItem",
    "VoucherV1ReportsExpensesExpenseIdVoucherGetFormat",
    "WithdrawalCreate",
    "WithdrawalCreateFund",
    "WithdrawalOut",
    "WithdrawalOutFund",
    "WithdrawalOutStatus",
    "ZoneIn",
    "ZoneInRegion",
    "ZoneOut",
    "ZoneOutRegion",
)
