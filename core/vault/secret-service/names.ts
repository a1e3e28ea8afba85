/** The Secret Service API's names (freedesktop.org Secret Service API 0.2). */
export const SERVICE_NAME = 'org.freedesktop.secrets';
export const SERVICE_PATH = '/org/freedesktop/secrets';
export const SERVICE_IFACE = 'org.freedesktop.Secret.Service';
export const COLLECTION_IFACE = 'org.freedesktop.Secret.Collection';
export const ITEM_IFACE = 'org.freedesktop.Secret.Item';
export const PROMPT_IFACE = 'org.freedesktop.Secret.Prompt';
export const PROPERTIES_IFACE = 'org.freedesktop.DBus.Properties';
/** libsecret's generic schema: what keytar wrote, so items made by older Authdesk versions are found. */
export const GENERIC_SCHEMA = 'org.freedesktop.Secret.Generic';
