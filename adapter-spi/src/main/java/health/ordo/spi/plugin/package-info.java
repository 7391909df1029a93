/**
 * What makes an adapter a connector type of a running Ordo: its {@link health.ordo.spi.plugin.SourceAdapterProvider}
 * (found with {@link java.util.ServiceLoader} in the plug-in folder), the {@link health.ordo.spi.plugin.ConnectorSettings}
 * a connector hands it, and the {@link health.ordo.spi.plugin.SettingDescriptor}s it documents its settings with.
 */
package health.ordo.spi.plugin;
