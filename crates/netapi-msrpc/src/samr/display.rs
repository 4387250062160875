//! Display information (\[MS-SAMR\] 2.2.8): the pages of
//! `SamrQueryDisplayInformation(3)`, which NetQueryDisplayInformation and
//! NetGroupEnum read. Every entry carries its `Index` so a client can ask
//! for the next page from there.

use netapi_ndr::{Ndr, wire_enum};

use super::{MAX_ENTRIES, RpcString};
use crate::dtyp::RpcUnicodeString;

/// `SAMPR_DOMAIN_DISPLAY_USER` (\[MS-SAMR\] 2.2.8.2).
///
/// quirk(samba-4.17): the DC sends `AccountControl` 0 for every user.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_USER")]
pub struct SamprDomainDisplayUser {
    /// `Index`.
    pub index: u32,
    /// `Rid`.
    pub rid: u32,
    /// `AccountControl`: [`super::account_control`] bits.
    pub account_control: u32,
    /// `AccountName`.
    pub account_name: RpcUnicodeString,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
    /// `FullName`.
    pub full_name: RpcUnicodeString,
}

/// `SAMPR_DOMAIN_DISPLAY_MACHINE` (\[MS-SAMR\] 2.2.8.3).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_MACHINE")]
pub struct SamprDomainDisplayMachine {
    /// `Index`.
    pub index: u32,
    /// `Rid`.
    pub rid: u32,
    /// `AccountControl`.
    pub account_control: u32,
    /// `AccountName`.
    pub account_name: RpcUnicodeString,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

/// `SAMPR_DOMAIN_DISPLAY_GROUP` (\[MS-SAMR\] 2.2.8.4).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_GROUP")]
pub struct SamprDomainDisplayGroup {
    /// `Index`.
    pub index: u32,
    /// `Rid`.
    pub rid: u32,
    /// `Attributes`: [`super::se_group`] bits.
    pub attributes: u32,
    /// `AccountName`.
    pub account_name: RpcUnicodeString,
    /// `AdminComment`.
    pub admin_comment: RpcUnicodeString,
}

/// `SAMPR_DOMAIN_DISPLAY_OEM_USER` (\[MS-SAMR\] 2.2.8.5).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_OEM_USER")]
pub struct SamprDomainDisplayOemUser {
    /// `Index`.
    pub index: u32,
    /// `OemAccountName`.
    pub oem_account_name: RpcString,
}

/// `SAMPR_DOMAIN_DISPLAY_OEM_GROUP` (\[MS-SAMR\] 2.2.8.6).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_OEM_GROUP")]
pub struct SamprDomainDisplayOemGroup {
    /// `Index`.
    pub index: u32,
    /// `OemAccountName`.
    pub oem_account_name: RpcString,
}

/// `SAMPR_DOMAIN_DISPLAY_USER_BUFFER` (\[MS-SAMR\] 2.2.8.7); `EntriesRead`
/// bounded by [`MAX_ENTRIES`], as for the other four buffers.
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_USER_BUFFER")]
pub struct SamprDomainDisplayUserBuffer {
    /// `EntriesRead`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<SamprDomainDisplayUser>>,
}

/// `SAMPR_DOMAIN_DISPLAY_MACHINE_BUFFER` (\[MS-SAMR\] 2.2.8.8).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_MACHINE_BUFFER")]
pub struct SamprDomainDisplayMachineBuffer {
    /// `EntriesRead`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<SamprDomainDisplayMachine>>,
}

/// `SAMPR_DOMAIN_DISPLAY_GROUP_BUFFER` (\[MS-SAMR\] 2.2.8.9).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_GROUP_BUFFER")]
pub struct SamprDomainDisplayGroupBuffer {
    /// `EntriesRead`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<SamprDomainDisplayGroup>>,
}

/// `SAMPR_DOMAIN_DISPLAY_OEM_USER_BUFFER` (\[MS-SAMR\] 2.2.8.10).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_OEM_USER_BUFFER")]
pub struct SamprDomainDisplayOemUserBuffer {
    /// `EntriesRead`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<SamprDomainDisplayOemUser>>,
}

/// `SAMPR_DOMAIN_DISPLAY_OEM_GROUP_BUFFER` (\[MS-SAMR\] 2.2.8.11).
#[derive(Ndr, Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "SAMPR_DOMAIN_DISPLAY_OEM_GROUP_BUFFER")]
pub struct SamprDomainDisplayOemGroupBuffer {
    /// `EntriesRead`.
    #[ndr(range(0, MAX_ENTRIES))]
    pub entries_read: u32,
    /// `Buffer`.
    #[ndr(unique, size_is(entries_read))]
    pub buffer: Option<Vec<SamprDomainDisplayOemGroup>>,
}

wire_enum! {
    /// `DOMAIN_DISPLAY_INFORMATION` (\[MS-SAMR\] 2.2.8.12): an NDR enum, 16 bits.
    pub struct DomainDisplayInformation(u16) {
        /// `DomainDisplayUser` (NetQueryDisplayInformation level 1).
        DOMAIN_DISPLAY_USER = 1,
        /// `DomainDisplayMachine` (level 2).
        DOMAIN_DISPLAY_MACHINE = 2,
        /// `DomainDisplayGroup` (level 3).
        DOMAIN_DISPLAY_GROUP = 3,
        /// `DomainDisplayOemUser`.
        DOMAIN_DISPLAY_OEM_USER = 4,
        /// `DomainDisplayOemGroup`.
        DOMAIN_DISPLAY_OEM_GROUP = 5,
    }
}

/// `SAMPR_DISPLAY_INFO_BUFFER` (\[MS-SAMR\] 2.2.8.13), one arm per
/// [`DomainDisplayInformation`].
#[derive(Ndr, Debug, Clone, PartialEq, Eq)]
#[ndr(switch_type = DomainDisplayInformation)]
#[doc(alias = "SAMPR_DISPLAY_INFO_BUFFER")]
pub enum SamprDisplayInfoBuffer {
    /// `UserInformation` (class 1).
    #[ndr(case = DomainDisplayInformation::DOMAIN_DISPLAY_USER)]
    UserInformation(SamprDomainDisplayUserBuffer),
    /// `MachineInformation` (class 2).
    #[ndr(case = DomainDisplayInformation::DOMAIN_DISPLAY_MACHINE)]
    MachineInformation(SamprDomainDisplayMachineBuffer),
    /// `GroupInformation` (class 3).
    #[ndr(case = DomainDisplayInformation::DOMAIN_DISPLAY_GROUP)]
    GroupInformation(SamprDomainDisplayGroupBuffer),
    /// `OemUserInformation` (class 4).
    #[ndr(case = DomainDisplayInformation::DOMAIN_DISPLAY_OEM_USER)]
    OemUserInformation(SamprDomainDisplayOemUserBuffer),
    /// `OemGroupInformation` (class 5).
    #[ndr(case = DomainDisplayInformation::DOMAIN_DISPLAY_OEM_GROUP)]
    OemGroupInformation(SamprDomainDisplayOemGroupBuffer),
}

impl SamprDisplayInfoBuffer {
    /// The information class of this arm.
    pub fn class(&self) -> DomainDisplayInformation {
        match self {
            Self::UserInformation(_) => DomainDisplayInformation::DOMAIN_DISPLAY_USER,
            Self::MachineInformation(_) => DomainDisplayInformation::DOMAIN_DISPLAY_MACHINE,
            Self::GroupInformation(_) => DomainDisplayInformation::DOMAIN_DISPLAY_GROUP,
            Self::OemUserInformation(_) => DomainDisplayInformation::DOMAIN_DISPLAY_OEM_USER,
            Self::OemGroupInformation(_) => DomainDisplayInformation::DOMAIN_DISPLAY_OEM_GROUP,
        }
    }
}
