namespace SmartCardCash.AppletApi;

/// <summary>Creates an applet instance over its own persistent memory. Called at every power-up.</summary>
public delegate Applet AppletFactory(AppletContext context);
