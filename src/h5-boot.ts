/**
 * H5 production only (config/index.ts adds it as an entry before the app's): evaluates the framework
 * modules the app's entry starts with, in the same order, in a script of its own. The browser runs
 * each script as its own task, so start-up is two shorter tasks instead of one long one.
 */
import '@tarojs/plugin-platform-h5/dist/runtime'
import '@tarojs/taro'
import 'react-dom/client'
